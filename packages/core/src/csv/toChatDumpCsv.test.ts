import { describe, expect, it } from 'vitest';
import type { Message } from '../types';
import { toChatDumpCsv } from './toChatDumpCsv';

const time = new Date('2024-03-01T10:00:00.000Z');
const HEADER =
  'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt';

describe('toChatDumpCsv', () => {
  it('writes the header and RFC 4180 records, JSON for images and files, ISO dates', async () => {
    const messages: Message[] = [
      {
        id: 'a',
        type: 'text',
        userId: 'u1',
        displayName: 'Ann, "A"',
        time,
        message: 'two\nlines',
        pinned: true,
        isEdited: false,
      },
      {
        id: 'b',
        type: 'image',
        userId: 'u2',
        displayName: 'Bo',
        time,
        link: 'https://x.example/i.png',
      },
      {
        id: 'c',
        type: 'file',
        userId: 'u2',
        displayName: 'Bo',
        time,
        link: 'https://x.example/f.pdf',
        name: 'f.pdf',
        size: 12,
      },
      { id: 'd', type: 'custom', userId: 'u3', displayName: 'Cy', time, html: '<b>hi</b>' },
    ];
    expect(await toChatDumpCsv(messages, { sessionId: 's1', meetingId: 'm1' })).toBe(
      [
        HEADER,
        'a,u1,s1,m1,"Ann, ""A""",true,false,TEXT_MESSAGE,"two\nlines",2024-03-01T10:00:00.000Z',
        'b,u2,s1,m1,Bo,,,IMAGE_MESSAGE,"{""link"":""https://x.example/i.png""}",2024-03-01T10:00:00.000Z',
        'c,u2,s1,m1,Bo,,,FILE_MESSAGE,"{""link"":""https://x.example/f.pdf"",""name"":""f.pdf"",""size"":12}",2024-03-01T10:00:00.000Z',
        'd,u3,s1,m1,Cy,,,CUSTOM_MESSAGE,"{""html"":""<b>hi</b>""}",2024-03-01T10:00:00.000Z',
        '',
      ].join('\r\n'),
    );
  });

  it("neutralises formulas with a leading ' in every column, and escapes a user's own '", async () => {
    const csv = await toChatDumpCsv(
      [{ id: '-1', type: 'text', userId: '@u', displayName: '=cmd|calc', time, message: "'+1" }],
      { sessionId: '+s', meetingId: '\tm' },
    );
    expect(csv.split('\r\n')[1]).toBe(
      "'-1,'@u,'+s,'\tm,'=cmd|calc,,,TEXT_MESSAGE,''+1,2024-03-01T10:00:00.000Z",
    );
  });

  it('keeps the raw type of custom messages read from a dump, and can start with a BOM', async () => {
    const poll = {
      id: 'p',
      type: 'custom',
      userId: 'u',
      displayName: 'U',
      time,
      message: '{"q":1}',
      payloadType: 'POLL_MESSAGE',
    } as Message;
    const csv = await toChatDumpCsv([poll], { sessionId: 's', meetingId: 'm', bom: true });
    expect(csv.startsWith('\uFEFFid,')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      'p,u,s,m,U,,,POLL_MESSAGE,"{""q"":1}",2024-03-01T10:00:00.000Z',
    );
  });

  it('writes an invalid date as a blank cell instead of throwing', async () => {
    const csv = await toChatDumpCsv(
      [
        {
          id: 'x',
          type: 'text',
          userId: 'u',
          displayName: 'U',
          time: new Date(Number.NaN),
          message: 'm',
        },
      ],
      { sessionId: 's', meetingId: 'm' },
    );
    expect(csv.split('\r\n')[1]).toBe('x,u,s,m,U,,,TEXT_MESSAGE,m,');
  });
});
