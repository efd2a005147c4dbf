// The one zod instance of the server, extended with `.openapi()` so the same schemas validate requests and
// generate the OpenAPI document. Clients import contract *types* only (`import type`), never this at run time.
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };
