/** 联合审批 (joint approval): read applications, check them against the register, conclude, apply. */
export {
  APPLICATION_FIELDS,
  APPLICATION_FIELD_DEFS,
  APPLICATION_TYPES,
  STAGES,
  applicationFieldOf,
  parseApplicationType,
  typeLabelEn,
  type ApplicationField,
  type ApplicationType,
  type StageKey,
} from './fields';
export {
  readApplications,
  splitMembers,
  categoryFromName,
  parseUpper,
  type Application,
  type ApplicationCell,
  type ApplicationSheet,
  type ApplicationsRead,
  type UpperCounterpart,
} from './read';
export {
  reviewApplications,
  registerLocalNames,
  conclude,
  stageOf,
  MAX_SIMILAR,
  NARROW_MAX_MEMBERS,
  type ApplicationReview,
  type Conclusion,
  type ConclusionKind,
  type Reason,
  type ReviewOptions,
  type ReviewResult,
  type SimilarBody,
  type StageStatus,
} from './review';
export { dutySimilarity, dutyBigrams, bigramDice } from './duties';
export { workingDaysBetween, holidaySet, isWorkingDay, weekday } from './workdays';
export {
  applyApprovals,
  issuedSetups,
  dateCell,
  addedCellText,
  type AddedBody,
  type ApplyResult,
  type SkippedApplication,
} from './apply';
export { approvalSheet, APPROVAL_SHEET_NAME } from './sheets';
export {
  buildOpinion,
  chineseDate,
  officeFromTitle,
  type CheckResult,
  type Opinion,
  type OpinionCheck,
} from './opinion';
export { applicationFromForm, formGrid, FORM_FIELDS, type ApplicationForm } from './form';
