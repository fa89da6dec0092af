// README snippet: check ratings with ajv 8 against a rubricc rating form, with rubricc's messages.
//   node validate-ajv.mjs generated-docs/image-edit/2.0.0 ratings.jsonl
// Prints `line N: valid` or `line N: <instance path>: <message>` per rating.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const [dir, ratingsFile] = process.argv.slice(2);
const read = (file) => JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(read('rating-form.schema.json'));
const messages = read('rating-form.messages.json');

readFileSync(ratingsFile, 'utf8').split('\n').filter((line) => line !== '').forEach((line, i) => {
  if (validate(JSON.parse(line))) return console.log(`line ${i + 1}: valid`);
  for (const error of validate.errors) {
    const message = Object.hasOwn(messages, error.schemaPath) ? messages[error.schemaPath] : error.message;
    if (message !== null) console.log(`line ${i + 1}: ${error.instancePath || '/'}: ${message}`);
  }
});
