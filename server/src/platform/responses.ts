// Response schemas that are not JSON views: an answer with no body, and files (spreadsheets, PDFs,
// calendars, images, pages). They document the content type in the OpenAPI document; Fastify sends
// buffers and non-JSON strings as they are, so nothing is serialized through them.
import { z } from 'zod';

/** 204: done, nothing to say. */
export const noContent = z.undefined().describe('Done; no body');

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  ics: 'text/calendar',
  html: 'text/html',
  xml: 'application/xml',
  text: 'text/plain',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;

const binary = () => z.any().meta({ type: 'string', format: 'binary' });

/** A file answer: its content types, each a binary body, with what it is. */
export function fileResponse(description: string, ...types: string[]) {
  return { description, content: Object.fromEntries(types.map((t) => [t, { schema: binary() }])) };
}
