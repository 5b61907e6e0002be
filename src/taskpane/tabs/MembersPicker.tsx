/**
 * 成员单位 of an application: a tag picker fed by the department list (type to filter, pick to
 * add, dismiss a tag to remove), plus the list as 、-separated text for pasting from the
 * application document. Both edit the same text, so the checks see one list.
 */
import {
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { splitMembers } from '../../ledger/review';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Options shown at once: a county list has some 60 departments; typing narrows them. */
const MAX_OPTIONS = 60;

export interface MembersPickerProps {
  /** The members as 、-separated text. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly departments: readonly string[];
  readonly label: string;
  readonly placeholder: string;
}

export function MembersPicker({ value, onChange, departments, label, placeholder }: MembersPickerProps) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const selected = useMemo(() => splitMembers(value), [value]);
  const options = useMemo(() => {
    const q = query.trim();
    return departments.filter((d) => !selected.includes(d) && (q === '' || d.includes(q))).slice(0, MAX_OPTIONS);
  }, [departments, selected, query]);
  const set = (list: readonly string[]) => onChange(list.join('、'));

  return (
    <div className={styles.box}>
      <TagPicker
        selectedOptions={selected}
        onOptionSelect={(_, data) => {
          set(data.selectedOptions);
          setQuery('');
        }}
      >
        <TagPickerControl data-testid="review-members-picker">
          <TagPickerGroup aria-label={label}>
            {selected.map((m) => (
              <Tag key={m} value={m} shape="rounded" data-member={m}>
                {m}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput
            aria-label={label}
            placeholder={placeholder}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              // A unit not on the list (a company, a 中心) is added as typed.
              if (e.key === 'Enter' && query.trim() !== '' && options.length === 0) {
                set([...selected, query.trim()]);
                setQuery('');
              }
            }}
            data-testid="review-members-input"
          />
        </TagPickerControl>
        <TagPickerList>
          {options.map((d) => (
            <TagPickerOption key={d} value={d} text={d}>
              {d}
            </TagPickerOption>
          ))}
        </TagPickerList>
      </TagPicker>
      <Textarea
        value={value}
        onChange={(_, d) => onChange(d.value)}
        resize="vertical"
        aria-label={label}
        data-testid="review-members"
      />
    </div>
  );
}
