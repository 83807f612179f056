import type { HarnessOptions } from './harnessTypes';

/** The meeting preset the harness's REST API answers: chat permissions as the options say. */
export function presetOf(options: HarnessOptions): Record<string, unknown> {
  return {
    name: 'natter_harness',
    permissions: {
      can_edit_display_name: true,
      accept_waiting_requests: false,
      disable_participant_audio: false,
      disable_participant_screensharing: false,
      disable_participant_video: false,
      kick_participant: false,
      pin_participant: options.pinParticipant ?? true,
      can_record: false,
      can_livestream: false,
      waiting_room_type: 'SKIP',
      plugins: { can_close: false, can_start: false, can_edit_config: false, config: {} },
      polls: { can_create: false, can_vote: false, can_view: false },
      media: {
        video: { can_produce: 'ALLOWED' },
        audio: { can_produce: 'ALLOWED' },
        screenshare: { can_produce: 'NOT_ALLOWED' },
      },
      chat: {
        public: { can_send: true, text: true, files: true, ...options.chatPermissions?.public },
        private: {
          can_send: true,
          can_receive: true,
          text: true,
          files: true,
          ...options.chatPermissions?.private,
        },
      },
      hidden_participant: false,
      is_recorder: false,
      recorder_type: 'NONE',
      show_participant_list: true,
      transcription_enabled: false,
      can_change_participant_permissions: false,
      connected_meetings: {
        can_alter_connected_meetings: false,
        can_switch_connected_meetings: false,
        can_switch_to_parent_meeting: false,
      },
      stage_enabled: false,
      accept_stage_requests: false,
    },
    config: {
      view_type: 'GROUP_CALL',
      media: {
        audio: { enable_stereo: false, enable_high_bitrate: false },
        video: { quality: 'vga', frame_rate: 30, simulcast: false },
        screenshare: { quality: 'hd', frame_rate: 5 },
      },
      max_video_streams: { mobile: 6, desktop: 6 },
      max_screenshare_count: 1,
    },
    version: '2.0.0',
  };
}
