-- Create an account.
INSERT INTO users (username, display_name, role, unit_code, password_hash, disabled, email)
VALUES ($username, $display_name, $role, $unit_code, $password_hash, false, $email);
