/**
 * Locked (encrypted) backups: a backup file's text sealed with a passphrase, in the format
 * docs/schemas/backup-locked-v1.schema.json describes. Web Crypto only (browsers and Node 20+).
 *
 *   key          PBKDF2-SHA-256 over the passphrase (Unicode NFC) with a random 16-byte salt and at least
 *                600,000 iterations (OWASP's 2023 figure), 256 bits, then split with HKDF-SHA-256 into
 *                the AES-GCM key (info "aes-gcm key") and a 16-byte passphrase check (info "passphrase check")
 *   ciphertext   AES-256-GCM of the backup's UTF-8 text with a random 12-byte nonce and a 128-bit tag; the
 *                file's other fields are its additional data, so none can be changed unnoticed
 *   checksum     SHA-256 of the other fields (not secret): a file damaged in copying is told apart from a
 *                wrong passphrase, and from a file changed on purpose after it was locked
 *
 * Every parameter is in the file, so a later version can raise the work factor and still open older files.
 * Opening never changes anything: it returns the backup's text or throws a BackupError saying what is wrong.
 */

import { BackupError, MAX_BYTES } from "./backup.js";
import { t } from "./strings.js";

export const LOCKED_FORMAT = "reflective-supervision-locked-backup";
export const LOCKED_VERSION = 1;
/** The work factor new files get: OWASP Password Storage Cheat Sheet (2023), PBKDF2-HMAC-SHA256. */
export const ITERATIONS = 600_000;
/** The lowest work factor a file may name (a file asking for less was not made here), and the highest. */
export const MIN_ITERATIONS = 600_000;
export const MAX_ITERATIONS = 10_000_000;
/** A locked file holds a backup of at most MAX_BYTES, in base64 (4 characters for 3 bytes) with its fields. */
export const LOCKED_MAX_BYTES = Math.ceil((MAX_BYTES + 16) / 3) * 4 + 4096;
const FIELDS = ["format", "version", "kdf", "cipher", "check", "ciphertext", "checksum"];
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX_64 = /^[0-9a-f]{64}$/;

/** Can this browser lock and unlock backups here? (Web Crypto needs a secure page: https, localhost, a file.) */
export function canLock(scope = globalThis) {
  return Boolean(scope.crypto && scope.crypto.subtle && scope.isSecureContext !== false);
}

/**
 * Lock a backup's text with a passphrase.
 * @param {string} text  the backup file's text
 * @param {string} passphrase
 * @param {{iterations?: number, salt?: Uint8Array, iv?: Uint8Array}} [options]  for tests: fixed salt and nonce
 * @returns {Promise<object>} the locked file's JSON value
 */
export async function lockBackup(text, passphrase, options = {}) {
  const iterations = options.iterations ?? ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS) throw new RangeError("too few iterations");
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(16));
  const iv = options.iv ?? crypto.getRandomValues(new Uint8Array(12));
  const kdf = { name: "PBKDF2", hash: "SHA-256", iterations, salt: toBase64(salt) };
  const cipher = { name: "AES-GCM", iv: toBase64(iv), tagLength: 128 };
  const { key, check } = await deriveKeys(passphrase, salt, iterations);
  const header = { format: LOCKED_FORMAT, version: LOCKED_VERSION, kdf, cipher, check: toBase64(check) };
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, tagLength: 128, additionalData: utf8(headerText(header)) }, key, utf8(text));
  const file = { ...header, ciphertext: toBase64(new Uint8Array(sealed)) };
  return { ...file, checksum: await sha256Hex(bodyText(file)) };
}

/**
 * Is this parsed JSON a locked backup (whatever its state)? Used to ask for the passphrase.
 * @param {unknown} value
 */
export function isLockedBackup(value) {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value) && value.format === LOCKED_FORMAT;
}

/**
 * Check a locked file's text before asking for its passphrase: whole, of a version this site reads, with every
 * field of the right shape and its checksum right. Throws a BackupError that says what is wrong.
 * @param {string} text
 * @returns {Promise<object>} the locked file's JSON value
 */
export async function checkLockedBackup(text) {
  if (text.length > LOCKED_MAX_BYTES) throw new BackupError(t("backup_too_large", { size: MAX_BYTES / 1024 / 1024 }));
  let file;
  try {
    file = JSON.parse(text);
  } catch {
    throw new BackupError(t("backup_locked_damaged"));
  }
  if (!isLockedBackup(file)) throw new BackupError(t("backup_locked_damaged"));
  if (Number.isInteger(file.version) && file.version > LOCKED_VERSION) throw new BackupError(t("backup_newer_version"));
  if (!isWellFormed(file)) throw new BackupError(t("backup_locked_damaged"));
  if (await sha256Hex(bodyText(file)) !== file.checksum) throw new BackupError(t("backup_locked_damaged"));
  return file;
}

/**
 * Unlock a checked locked file (checkLockedBackup) with a passphrase.
 * @param {object} file
 * @param {string} passphrase
 * @returns {Promise<string>} the backup's text
 */
export async function unlockBackup(file, passphrase) {
  const salt = fromBase64(file.kdf.salt);
  const { key, check } = await deriveKeys(passphrase, salt, file.kdf.iterations);
  if (toBase64(check) !== file.check) throw new BackupError(t("backup_locked_wrong_passphrase"));
  let plain;
  try {
    plain = await crypto.subtle.decrypt({
      name: "AES-GCM", iv: fromBase64(file.cipher.iv), tagLength: 128,
      additionalData: utf8(headerText(file)),
    }, key, fromBase64(file.ciphertext));
  } catch {
    throw new BackupError(t("backup_locked_changed"));
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(plain);
  } catch {
    throw new BackupError(t("backup_not_utf8"));
  }
}

/** Every field present, of its type and size, and no other field. */
function isWellFormed(file) {
  return Object.keys(file).every((key) => FIELDS.includes(key)) && FIELDS.every((key) => key in file)
    && file.version === LOCKED_VERSION
    && isKdf(file.kdf) && isCipher(file.cipher) && isBase64(file.check, 16)
    && isBase64(file.ciphertext) && file.ciphertext.length >= 24
    && typeof file.checksum === "string" && HEX_64.test(file.checksum);
}

/** The key derivation: PBKDF2 with SHA-256, iterations in range and a 16-byte salt, nothing else. */
function isKdf(kdf) {
  return isPlain(kdf) && Object.keys(kdf).length === 4 && kdf.name === "PBKDF2" && kdf.hash === "SHA-256"
    && Number.isInteger(kdf.iterations) && kdf.iterations >= MIN_ITERATIONS && kdf.iterations <= MAX_ITERATIONS
    && isBase64(kdf.salt, 16);
}

/** The cipher: AES-GCM with a 128-bit tag and a 12-byte IV, nothing else. */
function isCipher(cipher) {
  return isPlain(cipher) && Object.keys(cipher).length === 3 && cipher.name === "AES-GCM" && cipher.tagLength === 128
    && isBase64(cipher.iv, 12);
}

function isPlain(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Padded base64 text, holding exactly `bytes` bytes when given. */
function isBase64(value, bytes) {
  return typeof value === "string" && value.length % 4 === 0 && BASE64.test(value)
    && (bytes === undefined || fromBase64(value).length === bytes);
}

/** The fields the cipher's additional data covers, in a fixed order. */
function headerText(file) {
  const { kdf, cipher } = file;
  return JSON.stringify([file.format, file.version, kdf.name, kdf.hash, kdf.iterations, kdf.salt,
    cipher.name, cipher.iv, cipher.tagLength, file.check]);
}

/** Everything the checksum covers: the header and the ciphertext. */
function bodyText(file) {
  return `${headerText(file)}\n${file.ciphertext}`;
}

async function deriveKeys(passphrase, salt, iterations) {
  const subtle = crypto.subtle;
  const material = await subtle.importKey("raw", utf8(passphrase.normalize("NFC")), "PBKDF2", false, ["deriveBits"]);
  const master = await subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material, 256);
  const hkdf = await subtle.importKey("raw", master, "HKDF", false, ["deriveBits", "deriveKey"]);
  const split = (info) => ({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: utf8(info) });
  const key = await subtle.deriveKey(split("aes-gcm key"), hkdf, { name: "AES-GCM", length: 256 }, false,
    ["encrypt", "decrypt"]);
  const check = new Uint8Array(await subtle.deriveBits(split("passphrase check"), hkdf, 128));
  return { key, check };
}

function utf8(text) {
  return new TextEncoder().encode(text);
}

async function sha256Hex(text) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", utf8(text)));
  return [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Bytes as base64, a piece at a time (a 5 MB backup is too long for one String.fromCharCode call). */
export function toBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Base64 text (already checked) as bytes. */
export function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A chosen file's bytes as text, and whether it is a locked backup (which may be larger than a plain one, and
 * whose damage is reported by checkLockedBackup rather than as "not JSON"). Strict UTF-8, as decodeBackup.
 * @param {ArrayBuffer|Uint8Array} bytes
 * @returns {{locked: boolean, text: string}}
 */
export function readBackupFile(bytes) {
  const tooLarge = () => new BackupError(t("backup_too_large", { size: MAX_BYTES / 1024 / 1024 }));
  if (bytes.byteLength > LOCKED_MAX_BYTES) throw tooLarge();
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BackupError(t("backup_not_utf8"));
  }
  const locked = text.slice(0, 400).includes(`"${LOCKED_FORMAT}"`);
  if (!locked && bytes.byteLength > MAX_BYTES) throw tooLarge();
  return { locked, text };
}
