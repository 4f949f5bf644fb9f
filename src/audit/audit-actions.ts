/**
 * Audit action names are written in the past tense, like the timeline's event types that fill most of the log
 * (`incident.opened`, `user.created`). Rows written before that kept their present-tense names: the hash chain
 * covers `action` (audit-hash.ts), so history is never rewritten. Reading maps them to today's names, and a
 * filter by today's name also finds them.
 */
export const LEGACY_ACTION_NAMES: Readonly<Record<string, string>> = {
  'auth.login': 'auth.logged_in',
  'auth.logout': 'auth.logged_out',
  'auth.refresh_reuse': 'auth.refresh_reused',
  'deadline_rule.create': 'deadline_rule.created',
  'deadline_rule.update': 'deadline_rule.updated',
  'demo.load': 'demo.loaded',
  'detection_settings.update': 'detection_settings.updated',
  'directory.import': 'directory.imported',
  'directory.import_people_csv': 'directory.people_csv_imported',
  'org_unit.capability.add': 'org_unit.capability.added',
  'org_unit.capability.update': 'org_unit.capability.updated',
  'org_unit.create': 'org_unit.created',
  'org_unit.succession.add': 'org_unit.succession.added',
  'org_unit.update': 'org_unit.updated',
  'person.create': 'person.created',
  'person.update': 'person.updated',
  'person_availability.create': 'person_availability.created',
  'signal_source.create': 'signal_source.created',
  'signal_source.rotate_secret': 'signal_source.secret_rotated',
  'signal_source.update': 'signal_source.updated',
  'signals.ingest': 'signals.ingested',
  'spokesperson_designation.create': 'spokesperson_designation.created',
  'spokesperson_designation.update': 'spokesperson_designation.updated',
  'topic.create': 'topic.created',
  'topic.update': 'topic.updated',
  'user.create': 'user.created',
  'user.update': 'user.updated',
  'watch_signal.dismiss': 'watch_signal.dismissed',
  'watch_signal.open': 'watch_signal.opened',
  'working_group_rule.create': 'working_group_rule.created',
};

/** Today's name of a stored action. */
export function currentActionName(stored: string): string {
  return LEGACY_ACTION_NAMES[stored] ?? stored;
}

/** Every name a row of this action may be stored under (today's, and the present-tense one before it). */
export function storedActionNames(name: string): string[] {
  const current = currentActionName(name);
  return [current, ...Object.keys(LEGACY_ACTION_NAMES).filter((k) => LEGACY_ACTION_NAMES[k] === current)];
}
