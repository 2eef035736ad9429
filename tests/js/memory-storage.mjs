/** A Web Storage stand-in for Node tests, with an optional byte quota. */
export class MemoryStorage {
  constructor(quota = Infinity) {
    this.map = new Map();
    this.quota = quota;
  }

  get length() {
    return this.map.size;
  }

  key(index) {
    return [...this.map.keys()][index] ?? null;
  }

  getItem(key) {
    return this.map.has(key) ? this.map.get(key) : null;
  }

  setItem(key, value) {
    const size = [...this.map].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0) + key.length + String(value).length;
    if (size > this.quota) throw new DOMException("quota", "QuotaExceededError");
    this.map.set(key, String(value));
  }

  removeItem(key) {
    this.map.delete(key);
  }
}
