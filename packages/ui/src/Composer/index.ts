export { Composer } from './Composer';
export type { ComposerProps } from './Composer';
export { useComposer } from './useComposer';
export type {
  ComposerMode,
  ComposerStatus,
  UseComposerOptions,
  UseComposerResult,
} from './useComposer';
export type { ComposerIds, ComposerPropGetters } from './useComposerProps';
export type { ComposerAttachment } from './attachments';
export { AttachmentPreview } from './AttachmentPreview';
export type { AttachmentPreviewProps } from './AttachmentPreview';
export { useComposerDropZone } from './useComposerDropZone';
export type { UseComposerDropZoneOptions, UseComposerDropZoneResult } from './useComposerDropZone';
export { ComposerContext, useComposerContext, useComposerControllerRef } from './ComposerContext';
export type {
  ComposerController,
  ComposerControllerRef,
  UseComposerContextResult,
} from './ComposerContext';
