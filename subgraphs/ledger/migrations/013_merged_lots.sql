-- A merge moved only the lots that still held points, so a redemption's emptied lot stayed on the
-- merged account, and its refund put the points back there: the survivor's balance rose but its
-- lots did not, and the points job picked the merged id up every run for a lot it never settles
-- (as it did for a pending lot a return had emptied). Merges now move every lot; this moves the
-- ones earlier merges left behind to the account they were merged into (merged_into names the
-- last survivor, however long the chain).
update ledger.lots l
   set customer_id = a.merged_into
  from ledger.accounts a
 where l.customer_id = a.customer_id and a.merged_into is not null;
