-- Three records filed on this kiosk earlier, one of each kind a visitor follows up, already
-- at HQ; and HQ's answers (as GET /v1/statuses stores them): notes in both languages, in
-- English only, and a long one in Arabic only.
INSERT INTO submissions (id, kind, reference, created_ms, clear_json) VALUES
  ('01958a6e-4c00-7000-8000-000000000001', 'support_request', 'R2QA-7NFD', 1772690400000, '{}'),
  ('01958a6e-4c00-7000-8000-000000000002', 'feedback', 'FB5H-Q3DR', 1772776800000, '{}'),
  ('01958a6e-4c00-7000-8000-000000000003', 'volunteer', 'V8TK-2MW3', 1772863200000, '{}');
INSERT INTO outbox (submission_id, state, wire, bytes, updated_ms) VALUES
  ('01958a6e-4c00-7000-8000-000000000001', 'sent', '{}', 2, 1772690460000),
  ('01958a6e-4c00-7000-8000-000000000002', 'sent', '{}', 2, 1772776860000),
  ('01958a6e-4c00-7000-8000-000000000003', 'sent', '{}', 2, 1772863260000);
INSERT INTO statuses (reference, status, note_ar, note_en, updated_ms) VALUES
  ('R2QA-7NFD', 'needs-info',
   'نرجو تزويدنا بصورة عقد الإيجار الساري وكشف حساب بنكي لآخر ثلاثة أشهر. يمكنك إحضارها إلى مكتب الجمعية من الأحد إلى الخميس (8 ص – 2 م)، أو إرسالها عبر واتساب إلى 0551234567 مع ذكر الرقم المرجعي R2QA-7NFD.',
   'Please bring a copy of your current tenancy contract and a bank statement for the last three months to the association''s office, Sunday to Thursday (8 am – 2 pm), or send them by WhatsApp to 0551234567 quoting reference R2QA-7NFD.',
   1773297000000),
  ('FB5H-Q3DR', 'answered', '',
   'Thank you for your question. Training courses for mothers start on 5 April; you can register at the reception desk or by calling 0138096734.',
   1773383400000),
  ('V8TK-2MW3', 'contacted',
   'اتصلنا بك يوم الثلاثاء ولم نتمكن من الوصول إليك. يسعدنا انضمامك إلى فريق توزيع السلال الغذائية في شهر رمضان، ونحتاج إلى متطوعين أيام الخميس والجمعة من الرابعة عصرًا حتى التاسعة مساءً. نرجو الاتصال بمنسّقة التطوّع الأستاذة نورة على 0138096734 (تحويلة 12) لتأكيد الأيام المناسبة لك، أو زيارة مقر الجمعية وسؤال مكتب الاستقبال عنها.',
   '', 1773469800000);
