export { insertAgency, insertGroup, insertMembership, insertPerson } from './directory.ts'
export { insertPartnership, insertUser } from './accounts.ts'
export { buildDocumentModel } from './documents.ts'
export { insertTrainingEvent, placeRequest } from './learning.ts'
export { insertReviewCase } from './reviews.ts'
export { insertLearningPoint, insertRecommendation, insertSummary, themeIdsNamed } from './case-reviews.ts'
export {
  indicatorIdOf,
  insertIndicator,
  insertObservationList,
  insertObservations,
  insertStandardIndicators,
  setComparators,
  type ObservationValues,
} from './performance.ts'
export {
  insertAnswers,
  insertCaseAudit,
  insertCycle,
  insertFramework,
  insertVoiceRecord,
  type AnswerSpec,
  type CaseAuditSpec,
  type CycleSpec,
  type FrameworkSpec,
  type VoiceRecordSpec,
} from './assurance.ts'
