/**
 * Checks every request's path and query parameters against the OpenAPI spec before the spec's
 * validator (express-openapi-validator, through @backstage/backend-openapi-utils) sees them, and
 * refuses them with a 400 that names each parameter and says what it must be. Every rule comes
 * from the spec (type, enum, minimum and maximum, maxLength, pattern, `x-expected` for the
 * message); this layer adds only what the validator does not do or says less clearly:
 *
 * - a value is given once (`limit[]=5`, `limit[a]=5` or a repeated key is a 400, not an array);
 * - an integer is written in decimal digits only (the validator coerces `0x10`, `1e3`, `5.0`);
 * - the message: `offset: must be a whole number from 0 to 1000000, got "0x10"`, not
 *   `request/query/offset must be integer`.
 *
 * `extra` adds checks the spec cannot state (a check id must be one the engine knows). A query
 * parameter the operation does not list is refused where it lists some (`request: unknown
 * parameter "x"`), ignored where it lists none.
 */
import { InputError } from '@backstage/errors';
import type { RequestHandler } from 'express';

interface SchemaObject {
  $ref?: string;
  type?: string;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
}

interface ParameterObject {
  $ref?: string;
  name: string;
  in: string;
  'x-expected'?: string;
  schema?: SchemaObject;
}

interface Spec {
  paths: Record<
    string,
    Record<string, { parameters?: readonly ParameterObject[] }>
  >;
  components?: {
    parameters?: Record<string, ParameterObject>;
    schemas?: Record<string, SchemaObject>;
  };
}

/** A parameter's value → a message when the value is refused. */
export type ExtraCheck = (value: string) => string | undefined;

const CONTROL = /\p{Cc}/u;
const DIGITS = /^\d{1,10}$/;

const shown = (v: unknown) => JSON.stringify(String(v)).slice(0, 80);

function resolve<T extends { $ref?: string }>(spec: Spec, node: T): T {
  if (!node.$ref) return node;
  const [, , section, name] = node.$ref.split('/');
  const target = (spec.components as Record<string, Record<string, T>>)[
    section
  ][name];
  return resolve(spec, target);
}

/** What is wrong with one parameter's value, in the order the spec's rules are listed. */
function problems(
  spec: Spec,
  parameter: ParameterObject,
  value: unknown,
  extra?: ExtraCheck,
): string[] {
  if (typeof value !== 'string') {
    return ['must be given once, as a single value'];
  }
  const schema = resolve(spec, parameter.schema ?? {});
  if (schema.enum) {
    return schema.enum.includes(value)
      ? []
      : [`must be one of ${schema.enum.join(', ')}, got ${shown(value)}`];
  }
  if (schema.type === 'integer') {
    const n = DIGITS.test(value) ? Number(value) : NaN;
    const min = schema.minimum ?? 0;
    const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
    return Number.isSafeInteger(n) && n >= min && n <= max
      ? []
      : [`must be a whole number from ${min} to ${max}, got ${shown(value)}`];
  }
  const found: string[] = [];
  if (schema.maxLength !== undefined && [...value].length > schema.maxLength) {
    found.push(`must be at most ${schema.maxLength} characters`);
  }
  if (CONTROL.test(value)) {
    found.push('must not contain control characters (NUL, CR, LF, …)');
  } else if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) {
    found.push(
      `must be ${parameter['x-expected'] ?? `like ${schema.pattern}`}, got ${shown(value)}`,
    );
  } else {
    const wrong = extra?.(value);
    if (wrong) found.push(wrong);
  }
  return found;
}

interface Operation {
  method: string;
  route: RegExp;
  pathNames: string[];
  parameters: ParameterObject[];
}

function operationsOf(spec: Spec): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) => {
    const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map(m => m[1]);
    const route = new RegExp(
      `^${path.replace(/\{\w+\}/g, '([^/]+)').replace(/\//g, '\\/')}\\/?$`,
      'i', // Express matches routes without regard to case.
    );
    return Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      route,
      pathNames,
      parameters: (op.parameters ?? []).map(p => resolve(spec, p)),
    }));
  });
}

/** Express middleware: the spec's parameter rules, with a 400 naming each refused parameter. */
export function checkRequestParameters(
  openapi: object,
  extra: Record<string, ExtraCheck> = {},
): RequestHandler {
  const spec = openapi as Spec;
  const operations = operationsOf(spec);
  return (req, _res, next) => {
    const op = operations.find(
      o => o.method === req.method && o.route.test(req.path),
    );
    if (!op) {
      next();
      return;
    }
    let pathValues: Record<string, string>;
    try {
      const match = op.route.exec(req.path)!;
      pathValues = Object.fromEntries(
        op.pathNames.map((name, i) => [name, decodeURIComponent(match[i + 1])]),
      );
    } catch {
      next(); // A malformed escape: Express refuses it with its own 400.
      return;
    }
    const query = req.query as Record<string, unknown>;
    const issues = op.parameters.flatMap(p => {
      const value = p.in === 'path' ? pathValues[p.name] : query[p.name];
      if (value === undefined || (p.in !== 'path' && p.in !== 'query')) {
        return [];
      }
      return problems(spec, p, value, extra[p.name]).map(
        m => `${p.name}: ${m}`,
      );
    });
    // An operation without query parameters ignores a query, as Express does.
    const known = new Set(
      op.parameters.filter(p => p.in === 'query').map(p => p.name),
    );
    const unknown = known.size
      ? Object.keys(query).filter(k => !known.has(k))
      : [];
    if (unknown.length) {
      issues.push(
        `request: unknown parameter ${unknown.map(k => shown(k)).join(', ')}`,
      );
    }
    next(issues.length ? new InputError(issues.join('; ')) : undefined);
  };
}
