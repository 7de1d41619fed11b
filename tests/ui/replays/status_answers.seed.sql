-- What HQ answered for three requests filed earlier (as GET /v1/statuses stores it): a note
-- written in Arabic only, one in English only, and none.
INSERT INTO statuses (reference, status, note_ar, note_en, updated_ms) VALUES
  ('K7QM-4RDG', 'accepted', 'تمت الموافقة على طلبك. نرجو مراجعة مكتب الجمعية يوم الأحد القادم مع الهوية الوطنية وصورة عقد الإيجار.', '', 1773297000000),
  ('T3HX-9WBY', 'rejected', '', 'The income stated is above the limit for this programme. You may apply again in six months, or ask at reception about training programmes.', 1773383400000),
  ('N8CE-2PAX', 'in-review', '', '', 1773469800000);
