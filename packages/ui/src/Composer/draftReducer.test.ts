import { describe, expect, it } from 'vitest';
import type { ComposerAttachment } from './attachments';
import { EMPTY_DRAFT } from './composerDrafts';
import { draftReducer } from './draftReducer';

const file = (id: string): ComposerAttachment => ({
  id,
  file: new File(['x'], `${id}.pdf`, { type: 'application/pdf' }),
  kind: 'file',
});

describe('draftReducer', () => {
  it('keeps the same draft when nothing changes, so no composer re-renders for it', () => {
    const draft = { ...EMPTY_DRAFT, text: 'hi' };
    expect(draftReducer(draft, { type: 'text', text: 'hi' })).toBe(draft);
    expect(draftReducer(draft, { type: 'attach', attachments: [] })).toBe(draft);
    expect(draftReducer(draft, { type: 'endEdit' })).toBe(draft);
    expect(draftReducer(draft, { type: 'endEdit', id: 'm1' })).toBe(draft);
  });

  it('puts the draft aside while editing and gives it back when the edit ends or is saved', () => {
    const typing = draftReducer(EMPTY_DRAFT, { type: 'text', text: 'half a thought' });
    const editing = draftReducer(typing, { type: 'startEdit', id: 'm1', text: 'old words' });
    expect(editing).toMatchObject({
      text: 'old words',
      edit: { id: 'm1', stashed: 'half a thought' },
    });
    // Editing another message keeps the first put-aside draft, not the text under edit.
    const other = draftReducer(editing, { type: 'startEdit', id: 'm2', text: 'older' });
    expect(other.edit).toEqual({ id: 'm2', stashed: 'half a thought' });
    expect(draftReducer(other, { type: 'endEdit' })).toMatchObject({
      text: 'half a thought',
      edit: null,
    });
    // A save for a message no longer under edit leaves the draft alone.
    expect(draftReducer(other, { type: 'endEdit', id: 'm1' })).toBe(other);
    expect(draftReducer(other, { type: 'endEdit', id: 'm2' })).toMatchObject({
      text: 'half a thought',
      edit: null,
    });
  });

  it('after a send drops what went and keeps refused files, new files and a changed text', () => {
    const [a, b, c, d] = [file('a'), file('b'), file('c'), file('d')];
    const sent = { ...EMPTY_DRAFT, text: 'caption', attachments: [a, b, c] };
    const meanwhile = draftReducer(sent, { type: 'attach', attachments: [d] });
    const after = draftReducer(meanwhile, {
      type: 'sent',
      text: 'caption',
      textSent: false,
      attachments: [a, b, c],
      left: [b, c],
    });
    expect(after.attachments).toEqual([b, c, d]);
    expect(after.text).toBe('caption');
    const typedOn = draftReducer(after, { type: 'text', text: 'caption, and more' });
    expect(
      draftReducer(typedOn, {
        type: 'sent',
        text: 'caption',
        textSent: true,
        attachments: [],
        left: [],
      }).text,
    ).toBe('caption, and more');
    expect(
      draftReducer(after, {
        type: 'sent',
        text: 'caption',
        textSent: true,
        attachments: [],
        left: [],
      }).text,
    ).toBe('');
  });

  it('removes one attachment by id', () => {
    const draft = { ...EMPTY_DRAFT, attachments: [file('a'), file('b')] };
    expect(draftReducer(draft, { type: 'remove', id: 'a' }).attachments.map((x) => x.id)).toEqual([
      'b',
    ]);
  });
});
