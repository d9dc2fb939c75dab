-- Before people belonged to local authorities, app_user.team named a person's team without saying whose it was.
-- A team is now part of one authority (team, person_team), so the old name is carried over only where the
-- authority is certain: the person works for exactly one authority, or for several of which exactly one already
-- has a team of that name. A person with no authority keeps no team; the old column stays, unread, for an
-- administrator to consult.
CREATE TEMPORARY TABLE team_carried_over AS
SELECT u.username, pa.local_authority, btrim(u.team) AS team
  FROM app_user u
  JOIN person_authority pa ON pa.username = u.username
 WHERE u.team IS NOT NULL AND btrim(u.team) <> ''
   AND (SELECT count(*) FROM person_authority o WHERE o.username = u.username) = 1;

INSERT INTO team (local_authority, name)
SELECT DISTINCT local_authority, team FROM team_carried_over
ON CONFLICT DO NOTHING;

INSERT INTO team_carried_over (username, local_authority, team)
SELECT u.username, min(pa.local_authority), btrim(u.team)
  FROM app_user u
  JOIN person_authority pa ON pa.username = u.username
  JOIN team t ON t.local_authority = pa.local_authority AND t.name = btrim(u.team)
 WHERE u.team IS NOT NULL AND btrim(u.team) <> ''
   AND (SELECT count(*) FROM person_authority o WHERE o.username = u.username) > 1
 GROUP BY u.username, btrim(u.team)
HAVING count(*) = 1;

INSERT INTO person_team (username, local_authority, team)
SELECT username, local_authority, team FROM team_carried_over
ON CONFLICT DO NOTHING;

DROP TABLE team_carried_over;

COMMENT ON COLUMN app_user.team IS 'No longer read: teams are in person_team, within the person''s authorities';
