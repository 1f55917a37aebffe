/* hw-schema.c: the Homeward database schema and its migrations.
 *
 * Conventions, so that every area reads the same way:
 *  - every user table has `id INTEGER PRIMARY KEY` (the rowid), which the
 *    undo journal relies on;
 *  - references are DEFERRABLE INITIALLY DEFERRED so that undo can re-insert
 *    rows in any order inside one transaction;
 *  - dates are ISO 8601 text: 'YYYY-MM-DD', local date-times
 *    'YYYY-MM-DDTHH:MM:SS' with a separate tzid column where it matters;
 *  - `withheld_from` is a comma separated set of recipient kinds
 *    (family, agency, support, screen) that must not see the row; see
 *    hw-recipient.h.
 *
 * Never edit a migration that has shipped: add a new one at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hw-schema.h"

#define FK(table) " REFERENCES " table "(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"
#define FK_NULL(table) " REFERENCES " table "(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED"
#define WITHHELD " withheld_from TEXT NOT NULL DEFAULT ''"

static const char * const migrations[] = {
  /* 1: the whole first schema */
  "CREATE TABLE cases ("
  "  id INTEGER PRIMARY KEY,"
  "  family_name TEXT NOT NULL CHECK (length(trim(family_name)) > 0),"
  "  case_number TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'in-care'"
  "    CHECK (status IN ('in-care','trial-home-visit','reunified','closed')),"
  "  permanency_goal TEXT NOT NULL DEFAULT 'reunification',"
  "  concurrent_goal TEXT NOT NULL DEFAULT '',"
  "  primary_language TEXT NOT NULL DEFAULT 'en',"
  "  interpreter_needed INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0,1)),"
  "  tribal_affiliation TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
  ");"

  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  role TEXT NOT NULL DEFAULT 'relative',"
  "  relationship TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  address_withheld_from TEXT NOT NULL DEFAULT '',"
  "  pronouns TEXT NOT NULL DEFAULT '',"
  "  language TEXT NOT NULL DEFAULT '',"
  "  birth_date TEXT NOT NULL DEFAULT '',"
  "  in_household INTEGER NOT NULL DEFAULT 0 CHECK (in_household IN (0,1)),"
  "  alleged_harm_source INTEGER NOT NULL DEFAULT 0 CHECK (alleged_harm_source IN (0,1)),"
  "  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0,1)),"
  WITHHELD ","
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX people_case ON people(case_id);"

  "CREATE TABLE organisations ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  kind TEXT NOT NULL DEFAULT 'services',"
  "  contact TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0,1)),"
  WITHHELD ","
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX organisations_case ON organisations(case_id);"

  /* Ecomap. A node is the household (person_id and org_id both NULL), a
   * person or an organisation. x/y are in map units (the household at 0,0)
   * and only used when pinned = 1; otherwise the ring layout places it. */
  "CREATE TABLE ecomap_nodes ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  person_id INTEGER" FK ("people") ","
  "  org_id INTEGER" FK ("organisations") ","
  "  category TEXT NOT NULL DEFAULT 'community',"
  "  label TEXT NOT NULL DEFAULT '',"
  "  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0,1)),"
  "  x REAL NOT NULL DEFAULT 0,"
  "  y REAL NOT NULL DEFAULT 0,"
  "  CHECK (person_id IS NULL OR org_id IS NULL)"
  ");"
  "CREATE INDEX ecomap_nodes_case ON ecomap_nodes(case_id);"
  "CREATE TABLE ties ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  node_a INTEGER NOT NULL" FK ("ecomap_nodes") ","
  "  node_b INTEGER NOT NULL" FK ("ecomap_nodes") ","
  "  strength TEXT NOT NULL DEFAULT 'moderate'"
  "    CHECK (strength IN ('strong','moderate','tenuous','broken')),"
  "  stressful INTEGER NOT NULL DEFAULT 0 CHECK (stressful IN (0,1)),"
  /* flow of support: none, a-to-b, b-to-a, both */
  "  flow TEXT NOT NULL DEFAULT 'none' CHECK (flow IN ('none','a-to-b','b-to-a','both')),"
  "  support_types TEXT NOT NULL DEFAULT '',"
  "  frequency TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  CHECK (node_a <> node_b)"
  ");"
  "CREATE INDEX ties_case ON ties(case_id);"
  /* Editable legend: one label per notation key (strong, moderate,
   * tenuous, broken, stressful, flow). */
  "CREATE TABLE ecomap_legend ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  key TEXT NOT NULL,"
  "  label TEXT NOT NULL,"
  "  UNIQUE (case_id, key)"
  ");"
  /* A snapshot freezes the map as JSON text (nodes + ties). */
  "CREATE TABLE ecomap_snapshots ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  name TEXT NOT NULL,"
  "  taken_at TEXT NOT NULL,"
  "  data TEXT NOT NULL"
  ");"
  /* Safety / support network membership (Signs of Safety roles). */
  "CREATE TABLE network_members ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  person_id INTEGER NOT NULL" FK ("people") ","
  "  role TEXT NOT NULL CHECK (role IN ('supervises-contact','checks-in','respite','transport','mentor','emergency-contact')),"
  "  availability TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (person_id, role)"
  ");"

  /* Meetings */
  "CREATE TABLE meetings ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  kind TEXT NOT NULL DEFAULT 'family-team-meeting',"
  "  starts_at TEXT NOT NULL,"
  "  place TEXT NOT NULL DEFAULT '',"
  "  video_link TEXT NOT NULL DEFAULT '',"
  "  facilitator TEXT NOT NULL DEFAULT '',"
  "  interpreter TEXT NOT NULL DEFAULT '',"
  "  language TEXT NOT NULL DEFAULT '',"
  "  confidentiality_acknowledged INTEGER NOT NULL DEFAULT 0,"
  "  current_phase TEXT NOT NULL DEFAULT 'welcome',"
  "  next_meeting TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX meetings_case ON meetings(case_id);"
  "CREATE TABLE meeting_attendees ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL" FK ("meetings") ","
  "  person_id INTEGER NOT NULL" FK ("people") ","
  "  role TEXT NOT NULL DEFAULT '',"
  "  attendance TEXT NOT NULL DEFAULT 'present'"
  "    CHECK (attendance IN ('present','remote','absent','declined')),"
  "  UNIQUE (meeting_id, person_id)"
  ");"
  /* One row per thing said in a phase: a strength, a worry, an idea, a
   * decision, an action... `position` orders items within a phase. */
  "CREATE TABLE meeting_items ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL" FK ("meetings") ","
  "  phase TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  consensus INTEGER NOT NULL DEFAULT 1,"
  "  dissent TEXT NOT NULL DEFAULT '',"
  "  owner_person_id INTEGER" FK_NULL ("people") ","
  "  checker_person_id INTEGER" FK_NULL ("people") ","
  "  due_date TEXT NOT NULL DEFAULT '',"
  "  task_id INTEGER" FK_NULL ("tasks") ","
  "  confidential INTEGER NOT NULL DEFAULT 0,"
  WITHHELD
  ");"
  "CREATE INDEX meeting_items_meeting ON meeting_items(meeting_id);"
  /* Scaling 0-10 per attendee per statement (a meeting item). */
  "CREATE TABLE meeting_scores ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL" FK ("meetings") ","
  "  item_id INTEGER NOT NULL" FK ("meeting_items") ","
  "  person_id INTEGER NOT NULL" FK ("people") ","
  "  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (item_id, person_id)"
  ");"
  "CREATE TABLE meeting_phase_times ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL" FK ("meetings") ","
  "  phase TEXT NOT NULL,"
  "  seconds INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (meeting_id, phase)"
  ");"

  /* Service plan */
  "CREATE TABLE needs ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  domain TEXT NOT NULL,"
  "  family_words TEXT NOT NULL DEFAULT '',"
  "  strengths TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  confidential INTEGER NOT NULL DEFAULT 0,"
  WITHHELD
  ");"
  "CREATE INDEX needs_case ON needs(case_id);"
  "CREATE TABLE goals ("
  "  id INTEGER PRIMARY KEY,"
  "  need_id INTEGER NOT NULL" FK ("needs") ","
  "  text TEXT NOT NULL,"
  "  target_date TEXT NOT NULL DEFAULT '',"
  "  achievement TEXT NOT NULL DEFAULT 'none' CHECK (achievement IN ('none','some','moderate','major')),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX goals_need ON goals(need_id);"
  "CREATE TABLE tasks ("
  "  id INTEGER PRIMARY KEY,"
  "  goal_id INTEGER NOT NULL" FK ("goals") ","
  "  description TEXT NOT NULL,"
  "  provider_org_id INTEGER" FK_NULL ("organisations") ","
  "  responsible_person_id INTEGER" FK_NULL ("people") ","
  "  responsible_agency INTEGER NOT NULL DEFAULT 0,"
  "  frequency TEXT NOT NULL DEFAULT '',"
  "  start_date TEXT NOT NULL DEFAULT '',"
  "  target_date TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'not-started'"
  "    CHECK (status IN ('not-started','in-progress','done','dropped')),"
  "  barriers TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX tasks_goal ON tasks(goal_id);"
  "CREATE TABLE progress_notes ("
  "  id INTEGER PRIMARY KEY,"
  "  task_id INTEGER NOT NULL" FK ("tasks") ","
  "  date TEXT NOT NULL,"
  "  author TEXT NOT NULL DEFAULT '',"
  "  text TEXT NOT NULL,"
  "  confidential INTEGER NOT NULL DEFAULT 0,"
  WITHHELD
  ");"
  "CREATE TABLE aftercare_supports ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  component TEXT NOT NULL CHECK (component IN ('basic-resources','safety-practices','trauma-informed','child-clinical','caregiver-supports','support-networks','navigation')),"
  "  description TEXT NOT NULL,"
  "  provider_person_id INTEGER" FK_NULL ("people") ","
  "  provider_org_id INTEGER" FK_NULL ("organisations") ","
  "  checkin_schedule TEXT NOT NULL DEFAULT '',"
  "  start_date TEXT NOT NULL DEFAULT '',"
  "  end_date TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE readiness_reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  date TEXT NOT NULL,"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE readiness_ratings ("
  "  id INTEGER PRIMARY KEY,"
  "  review_id INTEGER NOT NULL" FK ("readiness_reviews") ","
  "  domain TEXT NOT NULL,"
  "  rating INTEGER NOT NULL CHECK (rating BETWEEN -3 AND 2),"
  "  UNIQUE (review_id, domain)"
  ");"

  /* Family time */
  "CREATE TABLE visit_series ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  title TEXT NOT NULL DEFAULT '',"
  "  place TEXT NOT NULL DEFAULT '',"
  "  dtstart TEXT NOT NULL,"
  "  tzid TEXT NOT NULL DEFAULT '',"
  "  duration_minutes INTEGER NOT NULL DEFAULT 60 CHECK (duration_minutes > 0),"
  "  rrule TEXT NOT NULL DEFAULT '',"
  "  level TEXT NOT NULL DEFAULT 'supervised'"
  "    CHECK (level IN ('therapeutic','supervised','monitored','unsupervised','overnight','extended','trial-home-visit')),"
  "  supervisor_person_id INTEGER" FK_NULL ("people") ","
  "  supervisor TEXT NOT NULL DEFAULT '',"
  "  transport_person_id INTEGER" FK_NULL ("people") ","
  "  transport TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  uid TEXT NOT NULL DEFAULT (lower(hex(randomblob(16))))"
  ");"
  "CREATE INDEX visit_series_case ON visit_series(case_id);"
  "CREATE TABLE visit_participants ("
  "  id INTEGER PRIMARY KEY,"
  "  series_id INTEGER NOT NULL" FK ("visit_series") ","
  "  person_id INTEGER NOT NULL" FK ("people") ","
  "  part TEXT NOT NULL DEFAULT 'visitor' CHECK (part IN ('visitor','child')),"
  "  UNIQUE (series_id, person_id)"
  ");"
  /* Exceptions: an occurrence removed from the series (new_start empty)
   * or moved to another time. */
  "CREATE TABLE visit_exceptions ("
  "  id INTEGER PRIMARY KEY,"
  "  series_id INTEGER NOT NULL" FK ("visit_series") ","
  "  original_start TEXT NOT NULL,"
  "  new_start TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (series_id, original_start)"
  ");"
  /* What happened at one occurrence (absent row = still scheduled). */
  "CREATE TABLE visit_records ("
  "  id INTEGER PRIMARY KEY,"
  "  series_id INTEGER NOT NULL" FK ("visit_series") ","
  "  occurrence_start TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'scheduled'"
  "    CHECK (status IN ('scheduled','happened','cancelled-parent','cancelled-caregiver','cancelled-agency','cancelled-provider','no-show')),"
  "  arrival TEXT NOT NULL DEFAULT '',"
  "  departure TEXT NOT NULL DEFAULT '',"
  "  observations TEXT NOT NULL DEFAULT '',"
  "  recommendation TEXT NOT NULL DEFAULT '',"
  "  makeup_for INTEGER" FK_NULL ("visit_records") ","
  "  UNIQUE (series_id, occurrence_start)"
  ");"

  /* Safety plan and post-reunification plan. A plan holds the working
   * draft; plan_items are its sections' entries; plan_versions freezes an
   * agreed version as JSON so it can be reprinted exactly. */
  "CREATE TABLE plans ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  kind TEXT NOT NULL CHECK (kind IN ('safety','reunification')),"
  "  review_date TEXT NOT NULL DEFAULT '',"
  "  closing_date TEXT NOT NULL DEFAULT '',"
  "  point_person_id INTEGER" FK_NULL ("people") ","
  "  UNIQUE (case_id, kind)"
  ");"
  "CREATE TABLE plan_items ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL" FK ("plans") ","
  "  section TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  who_person_id INTEGER" FK_NULL ("people") ","
  "  when_text TEXT NOT NULL DEFAULT '',"
  "  how_often TEXT NOT NULL DEFAULT '',"
  "  how_checked TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  confidential INTEGER NOT NULL DEFAULT 0,"
  WITHHELD
  ");"
  "CREATE INDEX plan_items_plan ON plan_items(plan_id);"
  "CREATE TABLE plan_versions ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL" FK ("plans") ","
  "  number INTEGER NOT NULL,"
  "  agreed_on TEXT NOT NULL,"
  "  signatories TEXT NOT NULL DEFAULT '',"
  "  snapshot TEXT NOT NULL,"
  "  UNIQUE (plan_id, number)"
  ");"

  /* Internal tables: undo journal and audit trail. */
  "CREATE TABLE hw_undo_log ("
  "  seq INTEGER PRIMARY KEY,"
  "  sql TEXT NOT NULL"
  ");"
  "CREATE TABLE hw_history ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('undo','redo')),"
  "  label TEXT NOT NULL,"
  "  first_seq INTEGER NOT NULL,"
  "  last_seq INTEGER NOT NULL"
  ");"
  "CREATE TABLE hw_audit ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
  "  author TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  tbl TEXT NOT NULL,"
  "  row_id INTEGER NOT NULL,"
  "  change TEXT NOT NULL CHECK (change IN ('insert','update','delete'))"
  ");"
  "CREATE TABLE hw_settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");",

  /* 2: a sample (made-up) family is marked as such; the day a case was
   * closed, for purging closed cases after a retention period. */
  "ALTER TABLE cases ADD COLUMN sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0,1));"
  "ALTER TABLE cases ADD COLUMN closed_date TEXT;"
  /* The sample family made by earlier versions on first start. */
  "UPDATE cases SET sample = 1"
  "  WHERE family_name = 'Morales' AND case_number = 'FC-2026-0142'"
  "    AND EXISTS (SELECT 1 FROM hw_settings WHERE key = 'demo-created');"
  /* Cases closed before this version: the day of their last change. */
  "UPDATE cases SET closed_date = coalesce("
  "    (SELECT substr(max(at), 1, 10) FROM hw_audit WHERE tbl = 'cases' AND row_id = cases.id),"
  "    substr(created, 1, 10))"
  "  WHERE status = 'closed';"
  /* closed_date follows the status, unless the same change sets it (an
   * import, undo or redo brings its own date). */
  "CREATE TRIGGER cases_closed AFTER UPDATE OF status ON cases"
  "  WHEN new.status = 'closed' AND old.status <> 'closed' AND new.closed_date IS NULL"
  "  BEGIN UPDATE cases SET closed_date = date('now') WHERE id = new.id; END;"
  "CREATE TRIGGER cases_reopened AFTER UPDATE OF status ON cases"
  "  WHEN new.status <> 'closed' AND old.status = 'closed' AND new.closed_date IS old.closed_date"
  "  BEGIN UPDATE cases SET closed_date = NULL WHERE id = new.id; END;"
  "CREATE TRIGGER cases_closed_new AFTER INSERT ON cases"
  "  WHEN new.status = 'closed' AND new.closed_date IS NULL"
  "  BEGIN UPDATE cases SET closed_date = date('now') WHERE id = new.id; END;",

  /* 3: when each undo step was made (unix seconds), so that the undo
   * history keeps at most a number of days (hw-history.c). The trigger
   * stamps every new step, whoever writes it; steps already there count
   * from today, so none is dropped by the upgrade itself. */
  "ALTER TABLE hw_history ADD COLUMN at INTEGER;"
  "UPDATE hw_history SET at = CAST(strftime('%s','now') AS INTEGER);"
  "CREATE TRIGGER hw_history_at AFTER INSERT ON hw_history WHEN new.at IS NULL"
  "  BEGIN UPDATE hw_history SET at = CAST(strftime('%s','now') AS INTEGER) WHERE id = new.id; END;",

  /* 4: visit plans that change over time (hw-visits.c). A plan changed
   * from a date on ends the day before (its RRULE gets an UNTIL) and a
   * new plan carries on: follows_id links the two, change_date is the
   * day the new plan took over, change_reason says why (the level
   * history a court reads). Plans made before keep '' and NULL. */
  "ALTER TABLE visit_series ADD COLUMN follows_id INTEGER" FK_NULL ("visit_series") ";"
  "ALTER TABLE visit_series ADD COLUMN change_date TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE visit_series ADD COLUMN change_reason TEXT NOT NULL DEFAULT '';",

  /* 5: the key dates of a case (hw-case-dates.c): removal, each court
   * hearing (its kind and what the court ordered), trial home visit
   * start, return home, closure, re-entry into care. The order the
   * history must read in is checked by hw-case-dates.c, not here, so that
   * undo and import can put rows back in any order. */
  "CREATE TABLE case_events ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  kind TEXT NOT NULL CHECK (kind IN ('removal','hearing','trial-home-visit',"
  "    'return-home','closure','re-entry')),"
  "  date TEXT NOT NULL CHECK (length(date) = 10),"
  "  hearing_kind TEXT NOT NULL DEFAULT '' CHECK (hearing_kind IN ('','shelter',"
  "    'adjudication','disposition','review','permanency','other')),"
  "  ordered TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX case_events_case ON case_events(case_id, date);",

  /* aftercare (issue 15): the check-ins of the supports after going home
   * (hw-aftercare-checkins.c): the day, who checked in (a person of the
   * case; NULL only once that person is deleted), how, with whom, what
   * came up and the follow-up. checkin_every is how often a support is
   * checked on, so that the next check-in due can be worked out
   * (checkin_schedule stays the plan's own words). A visit plan that was
   * ended keeps the day it was ended from and why (hw-visits.c): the
   * level history a court reads. */
  "CREATE TABLE aftercare_checkins ("
  "  id INTEGER PRIMARY KEY,"
  "  support_id INTEGER NOT NULL" FK ("aftercare_supports") ","
  "  date TEXT NOT NULL CHECK (length(date) = 10),"
  "  person_id INTEGER" FK_NULL ("people") ","
  "  how TEXT NOT NULL DEFAULT 'phone' CHECK (how IN ('home-visit','phone','video','text',"
  "    'office','other')),"
  "  with_whom TEXT NOT NULL DEFAULT '',"
  "  what_came_up TEXT NOT NULL DEFAULT '',"
  "  follow_up TEXT NOT NULL DEFAULT '',"
  "  confidential INTEGER NOT NULL DEFAULT 0,"
  WITHHELD
  ");"
  "CREATE INDEX aftercare_checkins_support ON aftercare_checkins(support_id, date);"
  "ALTER TABLE aftercare_supports ADD COLUMN checkin_every TEXT NOT NULL DEFAULT ''"
  "  CHECK (checkin_every IN ('','weekly','every-2-weeks','monthly','every-3-months'));"
  "ALTER TABLE visit_series ADD COLUMN ended_on TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE visit_series ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';",
  /* placements: where each child lives, since when, with whom
   * (hw-placements.c), and a person's worker (people.worker_id: whose
   * caseworker is who, hw-people.c). A placement ends the day the next
   * placement of that child starts, unless end_date says otherwise. The
   * address can be withheld from recipients as a person's address is
   * (address_withheld_from), and so can a caregiver named in words
   * (caregiver_withheld_from). The rules that span rows (the child is a
   * child of the case, one start per child per day, dates in order) are
   * checked by hw-placements.c, not here, so that undo and import can put
   * rows back in any order. */
  "CREATE TABLE placements ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL" FK ("cases") ","
  "  child_id INTEGER NOT NULL" FK ("people") ","
  "  setting TEXT NOT NULL CHECK (setting IN ('parent','kin','fictive-kin',"
  "    'foster-family','group-care','other')),"
  "  caregiver_id INTEGER" FK_NULL ("people") ","
  "  caregiver_name TEXT NOT NULL DEFAULT '',"
  "  caregiver_withheld_from TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  address_withheld_from TEXT NOT NULL DEFAULT '',"
  "  start_date TEXT NOT NULL CHECK (length(start_date) = 10),"
  "  end_date TEXT NOT NULL DEFAULT '' CHECK (end_date = '' OR length(end_date) = 10),"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  kin_considered INTEGER NOT NULL DEFAULT 0 CHECK (kin_considered IN (0,1)),"
  "  kin_not_chosen_reason TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX placements_child ON placements(child_id, start_date);"
  "CREATE INDEX placements_case ON placements(case_id);"
  "ALTER TABLE people ADD COLUMN worker_id INTEGER" FK_NULL ("people") ";",
  /* join (src/core/join, issue 16): what people add from their phones.
   * author_person_id is who wrote an item (owner_person_id stays "who
   * will do it"); contribution is what they said it is (a strength, a
   * worry, an idea or a question; '' for items typed in the window);
   * hidden = 1 while the facilitator has not yet let it on the room's
   * screen or into any copy. scores_revealed: the scores people gave on
   * their phones are private to each until the facilitator reveals them.
   * Nothing here depends on another migration. */
  "ALTER TABLE meeting_items ADD COLUMN author_person_id INTEGER" FK_NULL ("people") ";"
  "ALTER TABLE meeting_items ADD COLUMN contribution TEXT NOT NULL DEFAULT ''"
  "  CHECK (contribution IN ('','strength','worry','idea','question'));"
  "ALTER TABLE meeting_items ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0"
  "  CHECK (hidden IN (0,1));"
  "ALTER TABLE meetings ADD COLUMN scores_revealed INTEGER NOT NULL DEFAULT 0"
  "  CHECK (scores_revealed IN (0,1));",
  /* join (issue 16): the facilitator merges two items that say the same
   * thing (hw_meeting_merge_items()); the item kept names both people who
   * wrote them: author_person_id and coauthor_person_id. */
  "ALTER TABLE meeting_items ADD COLUMN coauthor_person_id INTEGER" FK_NULL ("people") ";",
  /* 10: the family's own plan, written during private family time
   * (hw-family-plan.c, issue 16): one per meeting. Professionals see it
   * only once the family shares it with the team: shared_at is the
   * date-time it was shared, '' while it is private. updated_by_person_id
   * is the family member who saved it last (NULL once that person is
   * deleted), updated_at when. */
  "CREATE TABLE family_plans ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL UNIQUE" FK ("meetings") ","
  "  text TEXT NOT NULL DEFAULT '',"
  "  shared_at TEXT NOT NULL DEFAULT '',"
  "  updated_by_person_id INTEGER" FK_NULL ("people") ","
  "  updated_at TEXT NOT NULL DEFAULT ''"
  ");",
  /* 11 (issue 17, who sees what): the teams of an agency and the team a
   * case belongs to. On an agency's PostgreSQL server row-level security
   * lets a caseworker see only the cases of their teams
   * (tools/pg-roles.sql adds team_members and the policies, and makes a
   * new case take its creator's team). On a file there is one person and
   * no team: team_id stays NULL. The team is where a case is kept, not
   * part of the family's record: exports leave it out (hw-interchange.c),
   * so a case exports the same from both. Not a user table (no undo
   * journal, not exported). */
  "CREATE TABLE teams ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)"
  ");"
  "ALTER TABLE cases ADD COLUMN team_id INTEGER" FK_NULL ("teams") ";"
  "CREATE INDEX cases_team ON cases(team_id);",
  /* 12: row versions and undo of one's own edits (issue 17, "Many writers"
   * in docs/agency-server.md): every user table's rows carry a version
   * that each update moves forward (hw_store_update() refuses to save
   * over a version it did not read: someone else changed the row). Each
   * undo step has its author, and each journal line the row it is about
   * (tbl, row_id) and that row's version before the change (old_version).
   * hw_row_chain: for each row and author, the version the author's last
   * step left it at, and the first journal line since which nobody else
   * changed it between the author's steps (hw-store.c), so that undo can
   * see that someone else changed the row since. A user table added later
   * needs its version column too (test-store checks). */
  "ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE organisations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE ecomap_nodes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE ties ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE ecomap_legend ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE ecomap_snapshots ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE network_members ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE meeting_attendees ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE meeting_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE meeting_scores ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE meeting_phase_times ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE needs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE goals ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE tasks ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE progress_notes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE aftercare_supports ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE readiness_reviews ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE readiness_ratings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE visit_series ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE visit_participants ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE visit_exceptions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE visit_records ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE plan_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE plan_versions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE case_events ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE aftercare_checkins ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE placements ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE family_plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE hw_history ADD COLUMN author TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE hw_undo_log ADD COLUMN tbl TEXT;"
  "ALTER TABLE hw_undo_log ADD COLUMN row_id INTEGER;"
  "ALTER TABLE hw_undo_log ADD COLUMN old_version INTEGER;"
  "CREATE TABLE hw_row_chain ("
  "  tbl TEXT NOT NULL,"
  "  row_id INTEGER NOT NULL,"
  "  author TEXT NOT NULL,"
  "  version INTEGER,"
  "  prev INTEGER,"
  "  since INTEGER NOT NULL,"
  "  PRIMARY KEY (tbl, row_id, author)"
  ");",
  /* 13 (issue 18, agency size): an index on every column that refers to
   * another table's row. Without one, each query by it read the whole
   * table: at 5,000 families, a service plan's progress notes took 3 ms
   * a task (0.5 s to open a family on its service plan), a meeting's
   * scores, a case's supports, network and readiness reviews the same;
   * and deleting a person or a family made sqlite read every table that
   * refers to it, once for each row deleted. test-store's
   * /store/foreign-keys-indexed checks that every such column has one. */
  "CREATE INDEX people_worker_id ON people(worker_id);"
  "CREATE INDEX ecomap_nodes_person_id ON ecomap_nodes(person_id);"
  "CREATE INDEX ecomap_nodes_org_id ON ecomap_nodes(org_id);"
  "CREATE INDEX ties_node_a ON ties(node_a);"
  "CREATE INDEX ties_node_b ON ties(node_b);"
  "CREATE INDEX ecomap_snapshots_case_id ON ecomap_snapshots(case_id);"
  "CREATE INDEX network_members_case_id ON network_members(case_id);"
  "CREATE INDEX meeting_attendees_person_id ON meeting_attendees(person_id);"
  "CREATE INDEX meeting_items_task_id ON meeting_items(task_id);"
  "CREATE INDEX meeting_items_author_person_id ON meeting_items(author_person_id);"
  "CREATE INDEX meeting_items_coauthor_person_id ON meeting_items(coauthor_person_id);"
  "CREATE INDEX meeting_items_owner_person_id ON meeting_items(owner_person_id);"
  "CREATE INDEX meeting_items_checker_person_id ON meeting_items(checker_person_id);"
  "CREATE INDEX meeting_scores_meeting_id ON meeting_scores(meeting_id);"
  "CREATE INDEX meeting_scores_person_id ON meeting_scores(person_id);"
  "CREATE INDEX tasks_responsible_person_id ON tasks(responsible_person_id);"
  "CREATE INDEX tasks_provider_org_id ON tasks(provider_org_id);"
  "CREATE INDEX progress_notes_task_id ON progress_notes(task_id);"
  "CREATE INDEX aftercare_supports_case_id ON aftercare_supports(case_id);"
  "CREATE INDEX aftercare_supports_provider_person_id ON aftercare_supports(provider_person_id);"
  "CREATE INDEX aftercare_supports_provider_org_id ON aftercare_supports(provider_org_id);"
  "CREATE INDEX readiness_reviews_case_id ON readiness_reviews(case_id);"
  "CREATE INDEX visit_series_follows_id ON visit_series(follows_id);"
  "CREATE INDEX visit_series_supervisor_person_id ON visit_series(supervisor_person_id);"
  "CREATE INDEX visit_series_transport_person_id ON visit_series(transport_person_id);"
  "CREATE INDEX visit_participants_person_id ON visit_participants(person_id);"
  "CREATE INDEX visit_records_makeup_for ON visit_records(makeup_for);"
  "CREATE INDEX plans_point_person_id ON plans(point_person_id);"
  "CREATE INDEX plan_items_who_person_id ON plan_items(who_person_id);"
  "CREATE INDEX aftercare_checkins_person_id ON aftercare_checkins(person_id);"
  "CREATE INDEX placements_caregiver_id ON placements(caregiver_id);"
  "CREATE INDEX family_plans_updated_by_person_id ON family_plans(updated_by_person_id);",
};

static const char * const user_tables[] = {
  "cases", "people", "organisations",
  "ecomap_nodes", "ties", "ecomap_legend", "ecomap_snapshots", "network_members",
  "meetings", "meeting_attendees", "meeting_items", "meeting_scores", "meeting_phase_times",
  "needs", "goals", "tasks", "progress_notes", "aftercare_supports",
  "readiness_reviews", "readiness_ratings",
  "visit_series", "visit_participants", "visit_exceptions", "visit_records",
  "plans", "plan_items", "plan_versions",
  "case_events",
  "aftercare_checkins",
  "placements",
  "family_plans",
  NULL
};

const char * const *
hw_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

guint
hw_schema_get_version (void)
{
  return G_N_ELEMENTS (migrations);
}

const char * const *
hw_schema_get_user_tables (void)
{
  return user_tables;
}
