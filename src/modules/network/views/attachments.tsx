import type { PageContext } from '../../../platform/http/context.js';
import { documentExtension, type DocumentType } from '../../../platform/media/document-format.js';
import { attachmentMessages } from '../attachments.messages.js';
import { documentPath } from '../network.paths.js';
import { sizeText } from './parts.js';

export interface PostAttachmentView {
  post_id: string;
  id: string;
  title: string;
  content_type: string;
  size_bytes: number;
}

/**
 * The files of a post: images shown (their description is the text alternative) with a link to the full
 * size, other files as a link with type and size. They are served like every document of the group, to its
 * members only, with the safe headers of /netzwerk/dokumente/<id>/datei.
 */
export function PostAttachments({ ctx, files }: { ctx: PageContext; files: PostAttachmentView[] }) {
  if (files.length === 0) return '';
  const a = attachmentMessages(ctx.locale);
  return (
    <ul class="network-attachments">
      {files.map((f) => {
        const href = `${documentPath(f.id)}/datei`;
        return f.content_type.startsWith('image/') ? (
          <li>
            <figure class="network-attachment">
              <img src={href} alt={f.title} loading="lazy" lang="de" />
              <figcaption>
                <a class="kern-link" href={href} safe>
                  {a('attachment.image', { title: f.title })}
                </a>
              </figcaption>
            </figure>
          </li>
        ) : (
          <li>
            <a class="kern-link" href={href} safe>
              {a('attachment.file', {
                title: f.title,
                kind: (documentExtension[f.content_type as DocumentType] ?? '').toUpperCase(),
                size: sizeText(f.size_bytes, ctx.locale),
              })}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
