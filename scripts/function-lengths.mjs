// Lists the longest JavaScript functions (lines without blanks and comments) and the most complex ones, so a
// change can say what it did to them: `node scripts/function-lengths.mjs [how many]`.
import { ESLint } from "eslint";

const top = Number(process.argv[2]) || 10;
const eslint = new ESLint({
  overrideConfig: {
    rules: {
      "max-lines-per-function": ["warn", { max: 0, skipBlankLines: true, skipComments: true }],
      complexity: ["warn", 0],
    },
  },
});

const results = await eslint.lintFiles(["."]);
const found = { "max-lines-per-function": [], complexity: [] };
for (const result of results) {
  const file = result.filePath.replace(`${process.cwd()}/`, "");
  for (const message of result.messages) {
    if (!(message.ruleId in found)) continue;
    const size = Number(message.message.match(/\((\d+)\)|complexity of (\d+)/).slice(1).find(Boolean));
    const name = message.message.replace(/ has .*$/, "");
    found[message.ruleId].push({ size, where: `${file}:${message.line}`, name });
  }
}
for (const [rule, rows] of Object.entries(found)) {
  console.log(rule === "complexity" ? "\nMost complex" : "Longest (lines, no blanks or comments)");
  rows.sort((a, b) => b.size - a.size);
  for (const row of rows.slice(0, top)) console.log(`${String(row.size).padStart(5)}  ${row.where}  ${row.name}`);
}
