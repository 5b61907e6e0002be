import { makeSettings } from '/work/main/src/ledger/settings';
import { validateSheet } from '/work/main/src/ledger/validate';
import { syntheticRegister } from '/work/main/bench/synthetic';
const settings = makeSettings({ asOf: '2026-11-25' });
const grid = syntheticRegister(100_000);
for (let i = 0; i < 3; i++) {
  const t0 = process.cpuUsage();
  const r = validateSheet(grid, settings);
  const u = process.cpuUsage(t0);
  console.log(((u.user + u.system) / 1000).toFixed(0), 'ms', r.status === 'validated' ? r.findings.length : r.status);
}
