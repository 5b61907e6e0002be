import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDepartmentIndex, resolveDepartment } from '../../../src/ledger/cells/department';
import { DEFAULT_DEPARTMENT_ALIASES, DEFAULT_DEPARTMENTS } from '../../../src/ledger/departments';

const city = buildDepartmentIndex(DEFAULT_DEPARTMENTS, DEFAULT_DEPARTMENT_ALIASES);

/** The listed name a cell resolves to, or null when unknown. */
function canonical(text: string, index = city): string | null {
  const match = resolveDepartment(text, index);
  expect(match.known).toBe(match.canonical !== null);
  return match.canonical;
}

describe('buildDepartmentIndex', () => {
  it('counts the listed departments (the 49 of 附件1)', () => {
    expect(DEFAULT_DEPARTMENTS).toHaveLength(49);
    expect(city.size).toBe(49);
  });

  it('ignores blank and repeated entries', () => {
    expect(buildDepartmentIndex(['市应急局', ' 市应急局 ', '', '市公安局'], {}).size).toBe(2);
  });

  it('every listed name resolves to itself', () => {
    for (const name of DEFAULT_DEPARTMENTS) expect(canonical(name)).toBe(name);
  });

  it('every default alias resolves to its listed name', () => {
    for (const [alias, name] of Object.entries(DEFAULT_DEPARTMENT_ALIASES)) expect(canonical(alias)).toBe(name);
  });
});

describe('resolveDepartment: one department, city list', () => {
  it.each([
    ['市应急局', '市应急局'],
    // Notes in brackets, spaces, line breaks and full-width letters are not part of the name.
    ['市应急局（市安委办）', '市应急局'],
    ['市应急局(市减灾委办公室)', '市应急局'],
    ['市应急局【牵头】', '市应急局'],
    ['市应急局（', '市应急局'],
    ['市 应急局', '市应急局'],
    [' 市应急局\n', '市应急局'],
    ['市应\n急局', '市应急局'],
    // Short and former names.
    ['市发改委', '市发展改革委'],
    ['市发展和改革委员会', '市发展改革委'],
    ['市人社局', '市人力资源社会保障局'],
    ['市住建局', '市住房城乡建管局'],
    ['市场监管局', '市市场监管局'],
    ['市卫健委', '市卫生健康委'],
    ['团市委', '团市委机关'],
    ['市政府办', '市政府办公室'],
    // Without the level prefix.
    ['发改委', '市发展改革委'],
    ['应急局', '市应急局'],
    ['人社局', '市人力资源社会保障局'],
    ['卫健委', '市卫生健康委'],
    ['组织部', '市委组织部'],
    ['网信办', '市委网信办'],
    ['纪委', '市纪委监委机关'],
    ['市场监督管理局', '市市场监管局'],
    // With the city's (or any city's) full name.
    ['东营市应急局', '市应急局'],
    ['潍坊市应急局', '市应急局'],
    ['呼和浩特市应急局', '市应急局'],
    ['东营市发改委', '市发展改革委'],
    ['东营市委组织部', '市委组织部'],
    ['中共东营市委组织部', '市委组织部'],
    ['东营市人民政府办公室', '市政府办公室'],
    ['东营市市场监管局', '市市场监管局'],
    ['东营市应急管理局', '市应急局'],
    ['山东省东营市应急局', '市应急局'],
    ['东营市 应急管理局（市安委办）', '市应急局'],
  ])('%j → %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it.each([
    ['市教体局', 'not listed, no alias'],
    ['办公室', 'too generic: 市委办公室 or 市政府办公室?'],
    ['机关', 'too generic'],
    ['市应急局市公安局', 'two names glued together'],
    ['应急局市公安局', 'a department is no place name'],
    ['市应急', 'truncated'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['、', 'only a separator'],
    ['#N/A', 'error value'],
    ['😀', 'emoji'],
  ])('%j is unknown (%s)', (text) => {
    expect(resolveDepartment(text, city)).toEqual({ known: false, canonical: null });
  });
});

describe('resolveDepartment: several departments in one cell', () => {
  it.each([
    ['市应急局、市公安局', '市应急局、市公安局'],
    ['市应急局，市发改委', '市应急局、市发展改革委'],
    ['市应急局,市发改委', '市应急局、市发展改革委'],
    ['市委宣传部；市文旅局', '市委宣传部、市文化和旅游局'],
    ['市委宣传部;市文旅局', '市委宣传部、市文化和旅游局'],
    ['市应急局/市公安局', '市应急局、市公安局'],
    ['市应急局\n市公安局', '市应急局、市公安局'],
    ['市应急局 市公安局', '市应急局、市公安局'],
    ['市应急局（市安委办）、市公安局', '市应急局、市公安局'],
    ['市应急局（市安委办、市减灾委办）', '市应急局'],
    // The same department twice is named once.
    ['市应急局/市应急管理局', '市应急局'],
    ['市应急局、', '市应急局'],
  ])('%j → %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it('is unknown when any part is unknown', () => {
    expect(resolveDepartment('市应急局、市教体局', city)).toEqual({ known: false, canonical: null });
    expect(resolveDepartment('市应急局 县美食节组委会', city)).toEqual({ known: false, canonical: null });
  });
});

describe('resolveDepartment: the built-in list knows the standard units of every level', () => {
  const builtIn = buildDepartmentIndex(DEFAULT_DEPARTMENTS, DEFAULT_DEPARTMENT_ALIASES);

  it.each([
    ['县应急局', '县应急局'],
    ['区应急管理局', '区应急局'],
    ['广饶县应急局', '县应急局'],
    ['东营市河口区应急管理局', '区应急局'],
    ['区委办公室', '区委办公室'],
    ['河口区委办公室', '区委办公室'],
    ['县发展和改革局', '县发展改革局'],
    ['县发展改革局', '县发展改革局'],
    ['利津县卫生健康局', '县卫生健康局'],
    ['县水利局', '县水利局'],
    ['区人力资源和社会保障局', '区人力资源社会保障局'],
    ['县委组织部、县财政局', '县委组织部、县财政局'],
  ])('%j → %s', (text, expected) => {
    expect(canonical(text, builtIn)).toBe(expected);
  });

  it('still says no to what is no standard unit at any level', () => {
    expect(canonical('县教体育局', builtIn)).toBeNull();
    expect(canonical('区美食节组委会', builtIn)).toBeNull();
  });

  it('a list the user loaded wins: a city list of their own knows no county units', () => {
    const own = buildDepartmentIndex([...DEFAULT_DEPARTMENTS.slice(0, -1)], DEFAULT_DEPARTMENT_ALIASES);
    expect(canonical('县应急局', own)).toBeNull();
    expect(canonical('区委办公室', own)).toBeNull();
    expect(canonical('市应急管理局', own)).toBe('市应急局');
  });
});

describe('resolveDepartment: a county list', () => {
  const county = buildDepartmentIndex(
    [
      '广饶县委办公室',
      '广饶县委组织部',
      '广饶县政府办公室',
      '广饶县发展和改革局',
      '广饶县应急局',
      '广饶县市场监管局',
      '广饶县卫生健康局',
    ],
    { ...DEFAULT_DEPARTMENT_ALIASES, 县发改局: '县发展和改革局' },
  );

  it.each([
    ['广饶县应急局', '广饶县应急局'],
    ['县应急局', '广饶县应急局'],
    ['应急局', '广饶县应急局'],
    ['广饶县应急管理局', '广饶县应急局'],
    ['县应急管理局', '广饶县应急局'],
    ['东营市广饶县应急局', '广饶县应急局'],
    ['县委组织部', '广饶县委组织部'],
    ['组织部', '广饶县委组织部'],
    ['县市场监管局', '广饶县市场监管局'],
    ['县市场监督管理局', '广饶县市场监管局'],
    ['广饶县人民政府办公室', '广饶县政府办公室'],
    ['县政府办', '广饶县政府办公室'],
    ['县发改局', '广饶县发展和改革局'],
    ['广饶县发改局', '广饶县发展和改革局'],
    ['县应急局、县委组织部', '广饶县应急局、广饶县委组织部'],
  ])('%j → %s', (text, expected) => {
    expect(canonical(text, county)).toBe(expected);
  });

  it('does not take a city department for the county one', () => {
    expect(canonical('市应急局', county)).toBeNull();
    expect(canonical('东营市应急局', county)).toBeNull();
    // 卫健委 is the city's 卫生健康委; the county has a 局, and no alias says they are the same.
    expect(canonical('县卫健委', county)).toBeNull();
  });

  it('a bare name shared by two listed departments is ambiguous; the level decides', () => {
    const both = buildDepartmentIndex(['市应急局', '广饶县应急局'], DEFAULT_DEPARTMENT_ALIASES);
    expect(canonical('应急局', both)).toBeNull();
    expect(canonical('市应急局', both)).toBe('市应急局');
    expect(canonical('县应急局', both)).toBe('广饶县应急局');
    expect(canonical('东营市应急管理局', both)).toBe('市应急局');
  });
});

describe('resolveDepartment: robustness', () => {
  it('an alias pointing at a department that is not listed is ignored', () => {
    const index = buildDepartmentIndex(['市应急局'], { 市公安: '市公安局' });
    expect(canonical('市公安', index)).toBeNull();
  });

  it('an index that was not built by buildDepartmentIndex resolves nothing', () => {
    expect(resolveDepartment('市应急局', { size: 1 })).toEqual({ known: false, canonical: null });
  });

  it('gives the same answer the second time (memoised) and survives huge strings', () => {
    expect(canonical('东营市应急管理局')).toBe('市应急局');
    expect(canonical('东营市应急管理局')).toBe('市应急局');
    expect(canonical('市应急局、'.repeat(20_000))).toBe('市应急局');
    expect(canonical('局'.repeat(100_000))).toBeNull();
  });

  it('property: never throws; known iff a canonical, and every canonical part is listed', () => {
    const listed = new Set(DEFAULT_DEPARTMENTS);
    const piece = fc.constantFrom(
      ...DEFAULT_DEPARTMENTS,
      ...Object.keys(DEFAULT_DEPARTMENT_ALIASES),
      '东营市',
      '县',
      '、',
      '，',
      '/',
      ' ',
      '\n',
      '（市安委办）',
      '(',
      '局',
      '😀',
    );
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const match = resolveDepartment(t, city);
        if (match.known !== (match.canonical !== null)) return false;
        // Listed, or a county unit under its own level's standard name, which resolves to itself.
        return (
          match.canonical === null ||
          match.canonical
            .split('、')
            .every(
              (part) => listed.has(part) || (/^[县区]/.test(part) && resolveDepartment(part, city).canonical === part),
            )
        );
      }),
      { numRuns: 5_000 },
    );
  });
});
