// The mutation benchmark's oracle and peers, for `check --baseline` (see dev.subpact.cli.bench.BaselineBench).
//
//   node baseline-oracle.mjs <corpus dir> <out dir>
//
// For every case of the corpus (base.graphql, operations/*.graphql + .json, cases/*.json) it writes
// the mutated schema to <out dir>/<case>.graphql and prints one JSON object on stdout with, per case
// and operation:
//   - "oracle": what a reader of the operation meets, found by graphql-js alone (no subpact code):
//     each operation is validated and executed against the base and the mutated schema, with mocked
//     resolvers that return, over many runs, every value the schema allows at each position (each
//     enum value, each possible type, null where nullable, an integer for Int, 1.5 for Float, a
//     string for String and ID); the values and types the reader receives at each response path,
//     and the arguments each resolver receives, are then compared:
//       error   - the mutated schema rejects the operation or its recorded variables, or the reader
//                 receives at some path a kind of value it never received (null, another scalar,
//                 a list for a single value ...), or no longer receives an enum value or a type it did;
//       warning - the reader receives a new enum value or a new possible type where it received
//                 enum values or types before, a resolver receives another value for an argument
//                 the operation does not pass (changed default), or the operation sends a
//                 deprecated enum value or input field (NoDeprecatedCustomRule, and the recorded
//                 variables walked against their types);
//   - "label": the case's hand-labelled expectation (so that a disagreement is visible);
//   - "inspectorDiff": graphql-inspector's diff of the two schemas (@graphql-inspector/core, the
//     engine of `graphql-inspector diff`): error if any change is BREAKING, warning if DANGEROUS;
//     it ignores the operations, so the verdict is the same for every operation;
//   - "inspectorValidate": graphql-inspector's validate of each operation against the mutated
//     schema (the engine of `graphql-inspector validate`): error if invalid, warning if it uses
//     something deprecated.
import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema, execute, getNamedType, getNullableType, isAbstractType, isEnumType, isInputObjectType, isListType,
  isNonNullType, isObjectType, NoDeprecatedCustomRule, parse, Source, typeFromAST, validate,
} from 'graphql';
import { CriticalityLevel, diff, validate as inspectorValidate } from '@graphql-inspector/core';

const [corpus, out] = process.argv.slice(2);
if (!corpus || !out) {
  console.error('usage: node baseline-oracle.mjs <corpus dir> <out dir>');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });

const base = fs.readFileSync(path.join(corpus, 'base.graphql'), 'utf8');
const operations = fs.readdirSync(path.join(corpus, 'operations')).filter((f) => f.endsWith('.graphql')).sort().map((f) => {
  const meta = JSON.parse(fs.readFileSync(path.join(corpus, 'operations', f.replace(/\.graphql$/, '.json')), 'utf8'));
  const text = fs.readFileSync(path.join(corpus, 'operations', f), 'utf8');
  return { name: meta.operationName, text, document: parse(text), variables: meta.variables ?? {} };
});

/** Digits per position: a run's choice at depth d is digit d of the run number in base RADIX. */
const RADIX = 6;
const DEPTH = 4;
const RUNS = RADIX ** DEPTH;

function variants(type) {
  const nullable = !isNonNullType(type);
  const inner = getNullableType(type);
  let values;
  if (isListType(inner)) {
    values = [{ list: inner.ofType }];
  } else {
    const named = getNamedType(inner);
    if (isEnumType(named)) values = named.getValues().map((v) => v.value);
    else if (isAbstractType(named)) values = null; // resolved with the schema below
    else if (isObjectType(named)) values = [{ __oracleType: named.name }];
    else values = [{ Int: 1, Float: 1.5, Boolean: true }[named.name] ?? 's'];
  }
  return { nullable, values };
}

function valuesOf(schema, type) {
  const { nullable, values } = variants(type);
  const named = getNamedType(type);
  const all = values ?? schema.getPossibleTypes(named).map((t) => ({ __oracleType: t.name })).sort((a, b) => a.__oracleType.localeCompare(b.__oracleType));
  return nullable ? [...all, null] : all;
}

function materialise(schema, type, value) {
  if (value && value.list) {
    // every value the item type allows, one item each
    return valuesOf(schema, value.list).map((item) => materialise(schema, value.list, item));
  }
  return value;
}

function pathKey(p) {
  const keys = [];
  for (let at = p; at; at = at.prev) keys.unshift(typeof at.key === 'number' ? '[*]' : '.' + at.key);
  return '$.data' + keys.join('');
}

function depthOf(p) {
  let depth = 0;
  for (let at = p; at; at = at.prev) if (typeof at.key !== 'number') depth++;
  return depth;
}

function tokenOf(type, value) {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  const named = getNamedType(type);
  if (isEnumType(named)) return 'enum:' + value;
  if (typeof value === 'object') return isAbstractType(named) ? 'type:' + value.__oracleType : 'object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return typeof value === 'boolean' ? 'bool' : 'str';
}

/** What a reader of the operation meets on one schema: tokens and resolver arguments per path, or the schema's errors. */
function observe(schema, operation) {
  const errors = validate(schema, operation.document).map((e) => e.message);
  if (errors.length) return { errors };
  const tokens = new Map();
  const args = new Map();
  const add = (map, key, token) => { if (!map.has(key)) map.set(key, new Set()); map.get(key).add(token); };
  for (let run = 0; run < RUNS; run++) {
    const result = execute({
      schema, document: operation.document, operationName: operation.name, variableValues: operation.variables,
      fieldResolver: (source, fieldArgs, context, info) => {
        const key = pathKey(info.path);
        add(args, key, JSON.stringify(fieldArgs, Object.keys(fieldArgs).sort()));
        const options = valuesOf(schema, info.returnType);
        const choice = Math.floor(run / RADIX ** (depthOf(info.path) - 1)) % RADIX;
        const value = materialise(schema, info.returnType, options[choice % options.length]);
        add(tokens, key, tokenOf(info.returnType, value));
        if (Array.isArray(value)) {
          const itemType = getNullableType(info.returnType).ofType;
          value.forEach((item) => add(tokens, key + '[*]', tokenOf(itemType, item)));
        }
        return value;
      },
      typeResolver: (value) => value.__oracleType,
    });
    if (result.errors?.length) return { errors: result.errors.map((e) => e.message) };
  }
  return { tokens, args, deprecated: deprecations(schema, operation) };
}

function deprecations(schema, operation) {
  const found = new Set(validate(schema, operation.document, [NoDeprecatedCustomRule]).map((e) => e.message));
  const walk = (type, value) => {
    const named = getNamedType(type);
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) return value.forEach((v) => walk(isListType(getNullableType(type)) ? getNullableType(type).ofType : type, v));
    if (isInputObjectType(named)) {
      for (const [key, v] of Object.entries(value)) {
        const field = named.getFields()[key];
        if (!field) continue;
        if (field.deprecationReason != null) found.add(`input field ${named.name}.${key}`);
        walk(field.type, v);
      }
    } else if (isEnumType(named)) {
      const enumValue = named.getValue(value);
      if (enumValue && enumValue.deprecationReason != null) found.add(`enum value ${named.name}.${value}`);
    }
  };
  const definition = operation.document.definitions.find((d) => d.kind === 'OperationDefinition' && d.name?.value === operation.name);
  for (const v of definition.variableDefinitions ?? []) {
    const type = typeFromAST(schema, v.type);
    if (type) walk(type, operation.variables[v.variable.name.value]);
  }
  return found;
}

function verdict(before, after) {
  if (after.errors) return 'error';
  let warning = false;
  for (const key of new Set([...before.tokens.keys(), ...after.tokens.keys()])) {
    const old = before.tokens.get(key) ?? new Set();
    const now = after.tokens.get(key) ?? new Set();
    const oldHas = (prefix) => [...old].some((t) => t.startsWith(prefix));
    for (const t of now) {
      if (old.has(t)) continue;
      if ((t.startsWith('enum:') && oldHas('enum:')) || (t.startsWith('type:') && oldHas('type:'))) warning = true;
      else return 'error';
    }
    for (const t of old) {
      if (!now.has(t) && (t.startsWith('enum:') || t.startsWith('type:'))) return 'error';
    }
  }
  for (const [key, oldArgs] of before.args) {
    const newArgs = after.args.get(key);
    if (!newArgs) continue;
    const o = [...oldArgs].map((a) => JSON.parse(a));
    const n = [...newArgs].map((a) => JSON.parse(a));
    const changed = o.some((a) => n.some((b) => Object.keys(a).some((k) => k in b && JSON.stringify(a[k]) !== JSON.stringify(b[k]))));
    if (changed) warning = true;
  }
  if ([...after.deprecated].some((d) => !before.deprecated.has(d))) warning = true;
  return warning ? 'warning' : 'none';
}

function schemaFor(edits) {
  let sdl = base;
  for (const edit of edits) {
    const at = sdl.indexOf(edit.replace);
    if (at < 0 || sdl.indexOf(edit.replace, at + 1) >= 0) throw new Error(`edit must match exactly once: ${edit.replace}`);
    sdl = sdl.slice(0, at) + edit.with + sdl.slice(at + edit.replace.length);
  }
  return sdl;
}

const baseSchema = buildSchema(base);
const baseline = new Map(operations.map((op) => [op.name, observe(baseSchema, op)]));
for (const [name, seen] of baseline) {
  if (seen.errors) throw new Error(`operation ${name} is not valid on base.graphql: ${seen.errors}`);
}
const results = [];
for (const file of fs.readdirSync(path.join(corpus, 'cases')).filter((f) => f.endsWith('.json')).sort()) {
  const c = JSON.parse(fs.readFileSync(path.join(corpus, 'cases', file), 'utf8'));
  const sdl = schemaFor(c.edits);
  const schemaFile = path.join(out, file.replace(/\.json$/, '.graphql'));
  fs.writeFileSync(schemaFile, sdl);
  const mutated = buildSchema(sdl);
  const changes = await diff(baseSchema, mutated);
  const inspectorDiff = changes.some((ch) => ch.criticality.level === CriticalityLevel.Breaking) ? 'error'
    : changes.some((ch) => ch.criticality.level === CriticalityLevel.Dangerous) ? 'warning' : 'none';
  const invalid = inspectorValidate(mutated, operations.map((op) => new Source(op.text, op.name)), { strictDeprecated: false });
  const oracle = {};
  const label = {};
  const inspectorValidateVerdicts = {};
  for (const op of operations) {
    oracle[op.name] = verdict(baseline.get(op.name), observe(mutated, op));
    label[op.name] = c.expected[op.name] ?? 'none';
    const found = invalid.find((d) => d.source.name === op.name);
    inspectorValidateVerdicts[op.name] = !found ? 'none' : found.errors.length ? 'error' : found.deprecated.length ? 'warning' : 'none';
  }
  results.push({ case: file.replace(/\.json$/, ''), kind: c.kind, used: c.used, schema: schemaFile, oracle, label,
    inspectorDiff, inspectorValidate: inspectorValidateVerdicts });
}
process.stdout.write(JSON.stringify({ runsPerOperation: RUNS, cases: results }, null, 1) + '\n');
