export { insertAgency, insertGroup, insertMembership, insertPerson } from './directory.ts'
export { insertPartnership, insertUser } from './accounts.ts'
export { buildDocumentModel } from './documents.ts'
export { insertTrainingEvent, placeRequest } from './learning.ts'
