// Fictional reflections for the journeys. Every name is made up, NHS numbers
// are from the 999 test range and phone numbers from Ofcom's drama range
// (07700 900xxx), so nothing here can identify a real person.

export const FIRST_VISIT = [
  'Long session with Ada Quillfeather today about loneliness since her move.',
  'She lit up talking about the allotment group; I promised to ring the',
  'organiser on 07700 900123 and check step-free access.',
  '',
  'Note to self: I rushed the ending. Leave ten minutes next time.',
].join('\n');

// Markup-looking text must be shown as typed, never interpreted.
export const WITH_MARKUP = 'Used the <b>five ways</b> card & "what matters to you?" — it worked.';

export const REFERRAL_CALL = [
  'Call about a new referral (NHS number 999 000 0018, fictional) from Dr Orrin Paleday.',
  'Felt out of my depth on the housing question; bring it to supervision.',
].join('\n');

export const EDITED = [
  'Long session with Ada Quillfeather about loneliness since her move.',
  'Update: the allotment organiser (07700 900456) confirmed step-free access.',
].join('\n');

export const GROUP_DAY = 'Walking group with Bram Tillinghast and Cosmo Fairweather: quiet but warm.';
export const TEAM_MEETING = 'Team meeting: we agreed to share caseload worries earlier.';
export const HARD_CALL = 'A hard call with Delphine Marrowby (999 111 2222). I stayed calm; debrief booked.';

export const DRAFT = 'Half-written thought about Ezra Pennywhistle’s carer: come back to this';
export const KEYBOARD = 'Written without a mouse: Tab, Shift+Tab, Enter and Space only.';
export const STORAGE_FULL = 'This must survive a full disk: Fenella Brackenridge, 07700 900789.';

export const OFFLINE = 'Wrote this in the community café with no signal: the lunch club idea landed well.';
export const HALF_WRITTEN = 'Started on the bus between home visits, not finished yet';
export const ROOM_CHECK = 'Short one after the carers’ coffee morning: mostly listening today.';
