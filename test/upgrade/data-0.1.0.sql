-- Written with vbp 0.1.0, before the update: a user table whose default calls vbp.
CREATE TABLE public.upgrade_probe (id int PRIMARY KEY, built text DEFAULT vbp.version());
INSERT INTO public.upgrade_probe (id) VALUES (1), (2), (3);
