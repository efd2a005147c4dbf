// Builds the OpenAPI 3.1 document from the registry that mountRoute filled.
import { OpenApiGeneratorV31, type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

export function buildOpenApiDocument(registry: OpenAPIRegistry, serverUrl: string) {
  registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Linli (邻里) API',
      version: '0.1.0',
      description:
        'Consumers under /api/v1, operators under /api/admin/v1. Money is integer fen. Errors are ' +
        '{"error":{"code","message","details?"}} with stable UPPER_SNAKE codes.',
    },
    servers: [{ url: serverUrl }],
  });
}
