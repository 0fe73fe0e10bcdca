-- The lake's newest snapshot: every commit by any server makes a new one.
SELECT max(snapshot_id)
FROM lake.snapshots();
