/** The choices incident forms and filters offer, as the schema defines them (app imports core, never db). */
export { INCIDENT_KINDS, INCIDENT_SEVERITIES, INCIDENT_STATUSES, NOTIFIED_PARTIES } from '../../db/schema/care.ts';
