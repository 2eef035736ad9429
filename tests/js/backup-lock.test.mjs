import assert from "node:assert/strict";
import { test } from "node:test";

import { buildBackup, parseBackup } from "../../overrides/assets/js/lib/backup.js";
import {
  ITERATIONS, LOCKED_FORMAT, checkLockedBackup, fromBase64, isLockedBackup, lockBackup, toBase64, unlockBackup,
} from "../../overrides/assets/js/lib/backup-lock.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

function backupText() {
  const store = new Store({ name: "rs", scope: "/", area: new MemoryStorage() });
  store.save("one", { exercise: "one", title: "Ūne ‮ rtl", updated: "2026-01-01T00:00:00.000Z", values: { a: "a reflection 😀" } });
  return `${JSON.stringify(buildBackup(store, new Date("2026-11-22T00:00:00Z")), null, 2)}\n`;
}

// One locked file for the whole file: each lock or unlock costs 600,000 PBKDF2 rounds.
const TEXT = backupText();
const LOCKED = await lockBackup(TEXT, "correct horse battery");
const LOCKED_TEXT = JSON.stringify(LOCKED, null, 2);

const message = async (promise) => {
  try {
    await promise;
  } catch (error) {
    assert.equal(error.name, "BackupError");
    return error.message;
  }
  assert.fail("expected a BackupError");
};

test("a locked file names every parameter and holds no readable answer", () => {
  assert.equal(LOCKED.format, LOCKED_FORMAT);
  assert.equal(LOCKED.version, 1);
  assert.deepEqual(Object.keys(LOCKED.kdf), ["name", "hash", "iterations", "salt"]);
  assert.equal(LOCKED.kdf.name, "PBKDF2");
  assert.equal(LOCKED.kdf.hash, "SHA-256");
  assert.ok(LOCKED.kdf.iterations >= 600_000 && ITERATIONS >= 600_000);
  assert.equal(fromBase64(LOCKED.kdf.salt).length, 16);
  assert.deepEqual(LOCKED.cipher.name, "AES-GCM");
  assert.equal(fromBase64(LOCKED.cipher.iv).length, 12);
  assert.equal(LOCKED.cipher.tagLength, 128);
  assert.match(LOCKED.checksum, /^[0-9a-f]{64}$/);
  assert.ok(isLockedBackup(LOCKED));
  assert.ok(!LOCKED_TEXT.includes("reflection") && !LOCKED_TEXT.includes("entries"));
});

test("the right passphrase gives back the exact text, which imports as a backup", async () => {
  const file = await checkLockedBackup(LOCKED_TEXT);
  const text = await unlockBackup(file, "correct horse battery");
  assert.equal(text, TEXT);
  assert.equal(parseBackup(text).entries.one.values.a, "a reflection 😀");
});

test("two locks of the same text never share a salt, a nonce or a ciphertext", async () => {
  const again = await lockBackup(TEXT, "correct horse battery");
  assert.notEqual(again.kdf.salt, LOCKED.kdf.salt);
  assert.notEqual(again.cipher.iv, LOCKED.cipher.iv);
  assert.notEqual(again.ciphertext, LOCKED.ciphertext);
});

test("a passphrase is read as Unicode NFC: the same word typed either way opens the file", async () => {
  const composed = await lockBackup("x", "caf\u00e9 au lait", { iterations: 600_000 });
  const file = await checkLockedBackup(JSON.stringify(composed));
  assert.equal(await unlockBackup(file, "cafe\u0301 au lait"), "x");
});

test("a wrong passphrase says so", async () => {
  const file = await checkLockedBackup(LOCKED_TEXT);
  assert.match(await message(unlockBackup(file, "correct horse batterY")), /passphrase does not unlock/);
});

test("a truncated file says it is damaged or incomplete", async () => {
  for (const cut of [LOCKED_TEXT.length - 1, Math.floor(LOCKED_TEXT.length / 2), 10]) {
    assert.match(await message(checkLockedBackup(LOCKED_TEXT.slice(0, cut))), /damaged or incomplete/);
  }
  // Cut inside the ciphertext but kept as JSON: the checksum catches it.
  const shorter = { ...LOCKED, ciphertext: LOCKED.ciphertext.slice(0, -8) };
  assert.match(await message(checkLockedBackup(JSON.stringify(shorter))), /damaged or incomplete/);
});

test("one flipped byte anywhere in the file is caught before the passphrase is tried", async () => {
  const bytes = new TextEncoder().encode(LOCKED_TEXT);
  const places = [LOCKED_TEXT.indexOf(LOCKED.ciphertext) + 40, LOCKED_TEXT.indexOf(LOCKED.kdf.salt) + 3,
    LOCKED_TEXT.indexOf(LOCKED.checksum) + 5, LOCKED_TEXT.indexOf("600000") + 1];
  for (const place of places) {
    const flipped = bytes.slice();
    flipped[place] ^= 0x01;
    const text = new TextDecoder().decode(flipped);
    assert.match(await message(checkLockedBackup(text)), /damaged or incomplete/, `byte ${place}`);
  }
});

test("a file changed after locking, with its checksum made to match, is refused as changed", async () => {
  const { createHash } = await import("node:crypto");
  const bytes = fromBase64(LOCKED.ciphertext);
  bytes[5] ^= 0x80;
  const changed = { ...LOCKED, ciphertext: toBase64(bytes) };
  const header = JSON.stringify([changed.format, changed.version, "PBKDF2", "SHA-256", changed.kdf.iterations,
    changed.kdf.salt, "AES-GCM", changed.cipher.iv, 128, changed.check]);
  changed.checksum = createHash("sha256").update(`${header}\n${changed.ciphertext}`).digest("hex");
  const file = await checkLockedBackup(JSON.stringify(changed));
  assert.match(await message(unlockBackup(file, "correct horse battery")), /changed after it was locked/);
});

test("a file asking for too little work, or of a newer version, is refused", async () => {
  await assert.rejects(lockBackup("x", "p", { iterations: 1000 }), RangeError);
  const weak = { ...LOCKED, kdf: { ...LOCKED.kdf, iterations: 1000 } };
  assert.match(await message(checkLockedBackup(JSON.stringify(weak))), /damaged or incomplete/);
  const newer = { ...LOCKED, version: 2 };
  assert.match(await message(checkLockedBackup(JSON.stringify(newer))), /newer version/);
  const extra = { ...LOCKED, note: "x" };
  assert.match(await message(checkLockedBackup(JSON.stringify(extra))), /damaged or incomplete/);
});

test("the sample locked file (fixed salt and nonce) still opens to the exact backup it was made from", async () => {
  const { readFileSync } = await import("node:fs");
  const sample = readFileSync(new URL("./fixtures/locked/full.locked.json", import.meta.url), "utf8");
  const original = readFileSync(new URL("./fixtures/backups/valid/full.json", import.meta.url), "utf8");
  const file = await checkLockedBackup(sample);
  assert.equal(await unlockBackup(file, "open sesame, twice"), original);
});

test("a chosen file is read as locked by its format, even when cut short; a plain one keeps the plain limit", async () => {
  const { readBackupFile } = await import("../../overrides/assets/js/lib/backup-lock.js");
  const bytes = (text) => new TextEncoder().encode(text);
  assert.deepEqual(readBackupFile(bytes(LOCKED_TEXT.slice(0, 200))), { locked: true, text: LOCKED_TEXT.slice(0, 200) });
  assert.equal(readBackupFile(bytes(TEXT)).locked, false);
  assert.throws(() => readBackupFile(new Uint8Array([0x7b, 0xff, 0x7d])), /not valid UTF-8/);
  assert.throws(() => readBackupFile(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x20)), /too large/);
});

test("a locked file with any header field of the wrong type or size is refused as damaged, not a crash", async () => {
  const broken = [
    { kdf: null }, { kdf: [] }, { kdf: { ...LOCKED.kdf, hash: "SHA-1" } }, { kdf: { ...LOCKED.kdf, extra: 1 } },
    { kdf: { ...LOCKED.kdf, salt: LOCKED.cipher.iv } }, { cipher: null }, { cipher: { ...LOCKED.cipher, tagLength: 96 } },
    { cipher: { ...LOCKED.cipher, iv: LOCKED.kdf.salt } }, { check: "not base64!" }, { ciphertext: "AAAA" },
    { checksum: 12 },
  ];
  for (const change of broken) {
    const file = JSON.stringify({ ...LOCKED, ...change });
    assert.match(await message(checkLockedBackup(file)), /damaged or incomplete/, JSON.stringify(change));
  }
});
