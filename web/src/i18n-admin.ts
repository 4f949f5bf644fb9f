/** Words of the administration and setup screens and of the crisis-closing controls (merged into i18n.ts). */

export const ADMIN_VI = {
  navAdmin: 'Quản trị',
  roomReadOnlyNote: 'Sự cố đã đóng: phòng chỉ còn để xem, không nhận trao đổi hay nhiệm vụ mới.',
  editorReadOnlyIncident: 'Chỉ xem: sự cố đã đóng hoặc đã lưu trữ, văn bản không được sửa nữa.',
  editorReadOnlyReview: 'Chỉ xem: văn bản đang trình duyệt.',
  editorReadOnlyApproved: 'Chỉ xem: văn bản đã được phê duyệt, chờ công bố.',
  editorReadOnlyPublished: 'Chỉ xem: văn bản đã được công bố.',
  editorReadOnlyRights: 'Chỉ xem: bạn không có quyền soạn thảo văn bản này.',
  editorSubmitConfirm:
    'Trình duyệt văn bản này? Bản dự thảo sẽ được khóa thành một phiên bản và gửi tới người phê duyệt.',
  confirmYes: 'Đồng ý',
  taskDue: 'Hạn hoàn thành',
  taskDueShort: 'hạn {time}',
  taskDueEdit: 'Đổi hạn',
  taskDueSave: 'Lưu hạn',
  playbookApplyConfirm:
    'Áp dụng cẩm nang «{name}»? Sẽ tạo {tasks} nhiệm vụ, {templates} dự thảo văn bản và bổ sung {roles} vai trò cho Tổ công tác.',
};

export const ADMIN_EN: Record<keyof typeof ADMIN_VI, string> = {
  navAdmin: 'Administration',
  roomReadOnlyNote: 'The incident is closed: the room is read-only, no new messages or tasks.',
  editorReadOnlyIncident: 'Read-only: the incident is closed or archived; the text can no longer be changed.',
  editorReadOnlyReview: 'Read-only: the statement is under review.',
  editorReadOnlyApproved: 'Read-only: the statement is approved and waiting to be published.',
  editorReadOnlyPublished: 'Read-only: the statement has been published.',
  editorReadOnlyRights: 'Read-only: you may not edit this statement.',
  editorSubmitConfirm: 'Submit this statement? The draft is frozen into a version and sent to the approvers.',
  confirmYes: 'Confirm',
  taskDue: 'Due',
  taskDueShort: 'due {time}',
  taskDueEdit: 'Change due date',
  taskDueSave: 'Save due date',
  playbookApplyConfirm:
    'Apply playbook “{name}”? It creates {tasks} tasks and {templates} statement drafts and adds {roles} roles to the working group.',
};
