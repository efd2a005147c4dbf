// The operations of an OpenAPI 3.1 document as the fuzzer needs them: method, path template, parameters, body
// (JSON or multipart) with `$ref`s resolved, whether it needs a session, and what it documents as answers.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  example?: unknown;
  nullable?: boolean;
  readOnly?: boolean;
  [k: string]: unknown;
};

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface RawOperation {
  operationId?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface Param {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** e.g. `POST /api/v1/orders/{id}/pay` */
  name: string;
  operationId: string;
  method: string;
  /** the template, `{id}` style */
  path: string;
  secured: boolean;
  params: Param[];
  body?: { contentType: 'application/json' | 'multipart/form-data'; schema: JsonSchema; required: boolean };
  /** status → what the document says it carries */
  responses: Record<string, { description: string; enveloped: boolean }>;
  /**
   * Some documented 4xx is answered outside the error envelope (the payment providers' notification formats):
   * such an operation may answer its documented raw replies, and its inputs are not held to the schema.
   */
  raw: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function createResolver(doc: OpenApiDocument): (schema: JsonSchema | undefined) => JsonSchema {
  return function resolve(schema) {
    let s = schema ?? {};
    for (let hops = 0; s.$ref && hops < 20; hops++) {
      const name = s.$ref.replace('#/components/schemas/', '');
      const target = doc.components?.schemas?.[name];
      if (!target) throw new Error(`unresolved $ref ${s.$ref}`);
      const { $ref: _ref, ...rest } = s;
      s = { ...target, ...rest };
    }
    return s;
  };
}

export function listOperations(doc: OpenApiDocument): Operation[] {
  const resolve = createResolver(doc);
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const responses: Operation['responses'] = {};
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        const schema = r.content?.['application/json']?.schema;
        responses[status] = {
          description: r.description ?? '',
          enveloped: !!schema && resolve(schema).properties?.error !== undefined,
        };
      }
      const content = op.requestBody?.content ?? {};
      const contentType = (['application/json', 'multipart/form-data'] as const).find((c) => content[c]);
      out.push({
        name: `${method.toUpperCase()} ${path}`,
        operationId: op.operationId ?? `${method}${path}`,
        method: method.toUpperCase(),
        path,
        secured: (op.security ?? []).length > 0,
        params: (op.parameters ?? [])
          .filter((p) => p.in === 'path' || p.in === 'query')
          .map((p) => ({
            name: p.name,
            in: p.in as 'path' | 'query',
            required: !!p.required,
            schema: resolve(p.schema),
          })),
        body: contentType
          ? { contentType, schema: resolve(content[contentType]!.schema), required: !!op.requestBody?.required }
          : undefined,
        responses,
        raw: Object.entries(responses).some(([s, r]) => Number(s) >= 400 && Number(s) < 500 && !r.enveloped),
      });
    }
  }
  return out;
}

/** `/api/v1/orders/{id}/pay` with `{id: 7}` → `/api/v1/orders/7/pay` (values are inserted as given, unescaped). */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? '1');
}
