-- Schema version 2: an edge klantcontact no longer claims its record id in sync_records. The klantcontacten
-- table's UNIQUE (gemeente, uuid) already dedups it, and a row with source 'edge' now counts as the claim
-- (SyncBatchCommands). sync_records keeps the claims of interne taken, and of contacts created over REST that
-- an edge delivered with the same content (such a row's source stays 'api', so its claim is still needed).
-- The claims this makes redundant are removed; nothing else changes.
DELETE FROM sync_records
WHERE kind = 'klantcontact'
  AND EXISTS (SELECT 1 FROM klantcontacten k
              WHERE k.gemeente = sync_records.gemeente
                AND k.uuid = sync_records.record_id
                AND k.source = 'edge');
