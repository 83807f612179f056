// What each hook returns, shown as a table on its docs page (Storybook renders the description
// as Markdown). Kept beside the stories that run the example above it.

export const useChatReturns = `
\`useChat(options?)\` returns (options: \`{ chat?, store? }\` override the \`ChatProvider\`'s):

| field | type | what it is |
|---|---|---|
| \`messages\` | \`readonly ChatEntry[]\` | listed messages in time order, pending sends included; the same array until one changes |
| \`status\` | \`'idle' \\| 'loading' \\| 'ready' \\| 'error'\` | the history's state, also as \`isLoading\`, \`isReady\`, \`isError\` |
| \`error\` | \`ChatError \\| null\` | why the history failed to load |
| \`lastError\` | \`ChatError \\| null\` | the last failed action (send, edit, delete, pin), readable |
| \`isSending\` | \`boolean\` | a send is under way |
| \`hasOlder\`, \`isLoadingOlder\`, \`loadOlder()\` | \`boolean\`, \`boolean\`, \`Promise<void>\` | older history, one page at a time |
| \`sendText(text, options?)\`, \`sendImage(file)\`, \`sendFile(file)\`, \`send(payload)\` | \`Promise<ChatEntry>\` | shown at once as pending; confirmed by the server's echo, else failed with a reason (\`options.peerIds\`: private) |
| \`validate(payload)\` | \`ChatError \\| null\` | why the store would refuse a message (empty, too long, file too large, not an image), before anything is sent |
| \`submit(payload, options?)\` | \`SendOutcome\` | sends and says at once whether the store took it (\`{ accepted: true, id, confirmed }\`, \`confirmed\` a \`Promise<ChatEntry>\`) or refused it (\`{ accepted: false, error }\`) |
| \`retry(id)\`, \`discard(id)\` | \`Promise<ChatEntry>\`, \`void\` | send a failed message again, or drop it |
| \`edit(id, content)\` | \`Promise<ChatEntry>\` | new text, or \`{ type: 'image', image }\` / \`{ type: 'file', file }\`; resolves when the server's edit arrives |
| \`remove(id)\`, \`pin(id)\`, \`unpin(id)\` | \`Promise<void>\` | resolve when the server's event arrives |
| \`store\` | \`ChatStore\` | the shared store, for \`useMessageIds\` / \`useMessage\` |
`;

export const usePinnedReturns = `
\`usePinned(options?)\` returns (options: \`{ chat?, store? }\`):

| field | type | what it is |
|---|---|---|
| \`pinned\` | \`readonly ChatEntry[]\` | pinned messages, in the order they were pinned |
| \`pin(id)\`, \`unpin(id)\` | \`Promise<void>\` | resolve when the server's pin event arrives |
| \`toggle(id)\` | \`Promise<void>\` | pins an unpinned message, unpins a pinned one |
| \`isPinned(id)\` | \`boolean\` | whether a message is pinned now |
`;

export const useChatExportReturns = `
\`useChatExport(options?)\` returns (options: \`{ chat?, store?, replay?, sessionId?, meetingId?, meetingName?, safetyMarginMs? }\`):

| field | type | what it is |
|---|---|---|
| \`status\` | \`'idle' \\| 'requesting-url' \\| 'downloading' \\| 'parsing' \\| 'done' \\| 'error'\` | also as \`isIdle\`, \`isRequestingUrl\`, \`isDownloading\`, \`isParsing\`, \`isDone\`, \`isError\` |
| \`progress\` | \`{ loaded, total, files? } \\| null\` | bytes received; \`total\` when the server sends \`Content-Length\`; \`files: { done, total }\` while zipping |
| \`error\` | \`{ code, message, cause } \\| null\` | why it failed, readable |
| \`hasReplay\` | \`boolean\` | a Replay API endpoint is configured; without one \`download()\` exports the live messages |
| \`policy\` | \`ChatExportPolicy \\| false \\| undefined\` | the provider's \`exportPolicy\`; \`exportChoices(policy, hasReplay)\` lists what it allows |
| \`download({ scope?, format?, names?, times?, excel?, filename? })\` | \`Promise<void>\` | saves the chosen export (default: the Replay API's CSV, or the messages you can see) as \`Weekly sync chat 2026-11-30.csv\` (the meeting's title and the day), or \`filename\`; \`scope\` \`all \\| visible \\| pinned\`, \`format\` \`csv \\| txt \\| md\`, \`names\` \`kept \\| anonymised\`, \`times\` \`absolute \\| relative\`, \`excel\` a UTF-8 BOM |
| \`downloadFiles({ names?, filename?, picker? })\` | \`Promise<void>\` | every shared image and file in one zip with \`index.csv\`; streamed into a picked file where the browser can, else a Blob saved once complete |
| \`load()\` | \`Promise<ChatDumpResult>\` | downloads and parses it in a Web Worker, for a read-only replay |
| \`abort()\`, \`reset()\` | \`void\` | stop what is under way; back to idle |
`;
