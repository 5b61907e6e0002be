/**
 * 多方评价 (docs/evaluate.md): the returned 自评表 and 成员单位评价表 against the register.
 *
 *   const read = mergeReads(files.map((f) => readEvaluationGrids(f.grids, f.name)));
 *   const result = evaluateBodies({ file, rows, findings, title }, read, settings, makeEvaluationSettings());
 *   const specs = evaluationSheets(result, { lang, inputs });   // 评价结果, 成员单位评价, 调整建议, 问题清单, 说明
 *   const blank = templateSheets(rows, { year });                // 自评表, 成员单位评价表, ready to send out
 */
export * from './fields';
export * from './read';
export * from './settings';
export * from './score';
export * from './match';
export * from './suggest';
export * from './evaluate';
export * from './sheets';
