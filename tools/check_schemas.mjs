// Every published JSON Schema compiles under ajv's strict mode (draft 2020-12), with no
// warning: what a strict validator in another language would be given. Run by .ci/run
// after `npm install ajv ajv-formats` in a scratch folder:
//     node tools/check_schemas.mjs FILE.schema.json ...
import { createRequire } from "module";
import { readFileSync } from "fs";

const require = createRequire(process.env.AJV_HOME ? `${process.env.AJV_HOME}/` : import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

let failed = 0;
for (const file of process.argv.slice(2)) {
  const warnings = [];
  const say = (...parts) => warnings.push(parts.join(" "));
  const ajv = new Ajv2020({ strict: true, allErrors: true, logger: { log() {}, warn: say, error: say } });
  addFormats(ajv);
  try {
    ajv.compile(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    warnings.push(error.message);
  }
  console.log(`${file}: ${warnings.length ? "FAILS" : "compiles"} under ajv strict mode`);
  for (const warning of warnings) console.log(`  ${warning}`);
  failed += warnings.length ? 1 : 0;
}
process.exit(failed ? 1 : 0);
