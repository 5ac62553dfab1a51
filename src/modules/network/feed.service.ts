import type { Actor } from '../../platform/auth/roles.js';
import { notFound } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { UploadedFile } from '../../platform/media/uploaded-file.js';
import { attachmentMessages } from './attachments.messages.js';
import type { DocumentService } from './documents.service.js';
import * as feed from './feed.repository.js';
import { fieldError, summary, type NetworkContext } from './network.context.js';
import { groupPath, reportsPath } from './network.paths.js';
import { authorize, canContribute, canLead, isStaff } from './network.policy.js';
import * as repo from './network.repository.js';

/** Files attached to posts are documents of the group in this folder (readable by its members only). */
export const attachmentFolder = 'Anhänge aus Beiträgen';

/** A file for a post, with its description (an image's text alternative). */
export interface PostAttachment {
  file: UploadedFile | null;
  title: string;
  /** The form's fields of this slot, for the error message in the right place. */
  fields?: { file: string; title: string };
}

/** A group's feed: posts with mentions and attachments, comments, pinning, edit history and reports. */
export function createFeedService(ctx: NetworkContext, documents: DocumentService) {
  const { db } = ctx;

  /** A post the actor may see; a hidden one is gone for everybody (its lead shows it again from the reports list). */
  async function visiblePost(actor: Actor, postId: string) {
    const post = await feed.findPost(db, postId);
    if (!post || post.hidden_at) throw notFound('Beitrag');
    const { group, standing } = await ctx.visibleGroup(actor, post.group_slug);
    return { post, group, standing };
  }

  return {
    /** Whether the actor may post in the group (before a form with a file is read): 404 or 403 otherwise. */
    async mayPost(actor: Actor, slug: string): Promise<void> {
      const { standing } = await ctx.visibleGroup(actor, slug);
      authorize(canContribute(actor, standing));
    },

    /**
     * A post in the group's feed, perhaps with a file (stored as a document of the group, seen by its
     * members only). Mentioned members hear of it as a mention, the others as a new post: one item key,
     * so nobody gets both. A mention of someone outside the group is refused (422), as is a file that is
     * not a document we accept, or an image without a description.
     */
    async post(actor: Actor, slug: string, body: string, locale: Locale, attachments: readonly PostAttachment[] = []) {
      const { group, standing: s } = await ctx.visibleGroup(actor, slug);
      authorize(canContribute(actor, s));
      const mentioned = await ctx.checkedMentions(body, group.id, locale);
      // Every file is checked before anything is stored: one bad file keeps the whole post back.
      const uploads = attachments
        .filter((a) => a.file)
        .map((a) => {
          const fields = a.fields ?? { file: 'file', title: 'fileTitle' };
          const upload = documents.readUpload(a.file, locale, fields.file);
          if (upload.type.startsWith('image/') && !a.title) throw fieldError({ [fields.title]: attachmentMessages(locale)('post.fileTitle.required') });
          return { upload, title: (a.title || upload.filename).slice(0, 200) };
        });
      await db.transaction().execute(async (trx) => {
        const id = await feed.insertPost(trx, { group_id: group.id, author_id: actor.id, body });
        for (const { upload, title } of uploads) {
          const documentId = await documents.storeDocument(
            trx,
            actor,
            group.id,
            { title, description: '', folder: attachmentFolder, visibility: 'group', note: '' },
            upload,
          );
          await feed.attach(trx, id, documentId);
        }
        const title = summary(body);
        const link = `${groupPath(group.slug)}#beitrag-${id}`;
        const others = (await repo.memberIds(trx, group.id)).filter((m) => m !== actor.id);
        await ctx.notify(
          trx,
          mentioned.filter((m) => m !== actor.id),
          { key: `post:${id}`, kind: 'mention', groupId: group.id, title, link },
        );
        await ctx.notify(trx, others, { key: `post:${id}`, kind: 'post', groupId: group.id, title, link });
      });
    },

    /** The lead pins a post to the top of the group's feed, or takes it down again. */
    async togglePin(actor: Actor, postId: string): Promise<string> {
      const { post, standing: s } = await visiblePost(actor, postId);
      authorize(canLead(actor, s));
      await feed.setPinned(db, post.id, !post.pinned_at);
      return post.group_slug;
    },

    /** The author (or staff) changes a post; the earlier text stays in its edit history for the group. */
    async editPost(actor: Actor, postId: string, body: string, locale: Locale): Promise<string> {
      const { post, group, standing: s } = await visiblePost(actor, postId);
      authorize(canContribute(actor, s) && (post.author_id === actor.id || isStaff(actor)));
      await ctx.checkedMentions(body, group.id, locale);
      if (body === post.body) return post.group_slug;
      await db.transaction().execute((trx) => feed.editPost(trx, post.id, body, actor.id));
      return post.group_slug;
    },

    /** A member reports a post: the group's leads hear of it (once per person and post). */
    async reportPost(actor: Actor, postId: string, reason: string): Promise<string> {
      const { post, group, standing: s } = await visiblePost(actor, postId);
      authorize(canContribute(actor, s));
      await db.transaction().execute(async (trx) => {
        if (!(await feed.insertReport(trx, post.id, actor.id, reason))) return;
        const leads = (await repo.memberIds(trx, group.id, 'lead')).filter((id) => id !== actor.id);
        await ctx.notify(trx, leads, {
          key: `report:${post.id}:${actor.id}`,
          kind: 'report',
          groupId: group.id,
          title: summary(post.body),
          link: reportsPath,
        });
      });
      return post.group_slug;
    },

    /** The group of a post the actor may see (for showing a refused comment with its group). */
    async postGroupSlug(actor: Actor, postId: string): Promise<string> {
      return (await visiblePost(actor, postId)).post.group_slug;
    },

    /** A comment on a post: the post's author hears of the reply, mentioned members of the mention (once each). */
    async comment(actor: Actor, postId: string, body: string, locale: Locale) {
      const { post, group, standing: s } = await visiblePost(actor, postId);
      authorize(canContribute(actor, s));
      const mentioned = await ctx.checkedMentions(body, group.id, locale);
      await db.transaction().execute(async (trx) => {
        const id = await feed.insertComment(trx, { post_id: post.id, author_id: actor.id, body });
        const title = summary(body);
        const link = `${groupPath(group.slug)}#beitrag-${post.id}`;
        await ctx.notify(
          trx,
          mentioned.filter((m) => m !== actor.id),
          { key: `comment:${id}`, kind: 'mention', groupId: group.id, title, link },
        );
        const members = new Set(await repo.memberIds(trx, group.id));
        if (post.author_id && post.author_id !== actor.id && members.has(post.author_id))
          await ctx.notify(trx, [post.author_id], { key: `comment:${id}`, kind: 'reply', groupId: group.id, title, link });
      });
      return post.group_slug;
    },
  };
}
