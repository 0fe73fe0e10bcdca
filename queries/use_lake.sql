-- Make the attached lake (alias "lake", dashboard/lake.py ALIAS) the cursor's default catalog.
USE lake;
