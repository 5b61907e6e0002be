/**
 * Settings from the options every command shares: --as-of and --departments (a departments file
 * replaces the default list, keeping the built-in short forms of the departments still on it).
 */
import { aliasesForList } from '../ledger/departments';
import { makeSettings, type Settings, type SettingsInput } from '../ledger/settings';
import { loadDepartmentsFile } from './departmentsFile';

/** The settings input of --as-of and --departments, for a command to add its own to. */
export async function settingsInputFrom(
  asOf: string | undefined,
  departmentsPath: string | undefined,
): Promise<SettingsInput> {
  const input: SettingsInput = {};
  if (asOf) input.asOf = asOf;
  if (departmentsPath) {
    const list = await loadDepartmentsFile(departmentsPath);
    input.departments = list.departments;
    input.departmentAliases = aliasesForList(list.departments, list.aliases);
  }
  return input;
}

/** Settings from --as-of and --departments. */
export async function settingsFrom(asOf: string | undefined, departmentsPath: string | undefined): Promise<Settings> {
  return makeSettings(await settingsInputFrom(asOf, departmentsPath));
}
