-- The priority label (P1-P4) an issue was filed with: the weekend hand-off passes only P3/P4 on,
-- P1/P2 stay with the weekday on-call. NULL for issues filed before, or without a priority.
ALTER TABLE filed_issues ADD COLUMN priority TEXT;
