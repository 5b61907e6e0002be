/** Resolves 办事机构所在部门 against a department list with aliases. */
export interface DepartmentIndex {
  readonly size: number;
}

export interface DepartmentMatch {
  /** True when the text names a listed department (directly or through an alias). */
  readonly known: boolean;
  /** The listed name, when known. */
  readonly canonical: string | null;
}

/** IMPLEMENTED BY THE PARSER MODULE TASK. */
export function buildDepartmentIndex(departments: readonly string[], aliases: Readonly<Record<string, string>>): DepartmentIndex {
  void departments;
  void aliases;
  throw new Error('not implemented');
}

/** IMPLEMENTED BY THE PARSER MODULE TASK. */
export function resolveDepartment(text: string, index: DepartmentIndex): DepartmentMatch {
  void text;
  void index;
  throw new Error('not implemented');
}
