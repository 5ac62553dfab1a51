import type { FastifyInstance, FastifyReply } from 'fastify';

declare module 'fastify' {
  interface FastifyReply {
    /** Sends a rendered page: the string of a component, or the promise of one from an async component. */
    html<H extends JSX.Element>(this: this, html: H): H extends Promise<string> ? Promise<FastifyReply> : FastifyReply;
  }
}

/** Returns the reply, so that Fastify knows an async handler has answered (not undefined, which it would send again). */
function send(reply: FastifyReply, html: string): FastifyReply {
  // Encoded once: measuring the string's UTF-8 length and then writing the string (what the Kita
  // plugin did) encodes a page twice, and pages in Arabic or Cyrillic take two bytes per letter.
  return reply.type('text/html; charset=utf-8').send(Buffer.from(html, 'utf8'));
}

/** `reply.html(<Page … />)`: every page goes out as UTF-8 bytes with their exact Content-Length. */
export function registerHtmlReply(app: FastifyInstance): void {
  app.decorateReply('html', function (this: FastifyReply, html: JSX.Element) {
    if (typeof html === 'string') return send(this, html);
    return html.then((resolved) => send(this, resolved));
  } as FastifyReply['html']);
}
