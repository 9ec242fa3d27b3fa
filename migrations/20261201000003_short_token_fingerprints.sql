-- A token shorter than 12 characters is shown as •••• alone: its last four are a third of it
-- or more. AES-GCM's ciphertext is the token's bytes plus a 16-byte tag, so a stored token's
-- length is known without decrypting it. (History entries written before keep what they say:
-- they are append-only.)
UPDATE credentials SET secret_last_four = '' WHERE length(secret_ciphertext) - 16 < 12;
