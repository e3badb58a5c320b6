class ListNode {
  constructor(val, next = null) {
    this.val = val;
    this.next = next;
  }
}

/**
 * @param {ListNode | null} list1
 * @param {ListNode | null} list2
 * @return {ListNode | null}
 */
function mergeTwoLists(list1, list2) {
  // TODO: implement
  return null;
}

// ---- input / output (no need to change anything below) ----
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
let pos = 0;

function nextInt() {
  return Number(data[pos++]);
}

function readIntArray() {
  const n = nextInt();
  const arr = [];
  for (let i = 0; i < n; i++) arr.push(nextInt());
  return arr;
}

function buildList(values) {
  let head = null;
  for (let i = values.length - 1; i >= 0; i--) head = new ListNode(values[i], head);
  return head;
}

function listToString(head) {
  const parts = [];
  for (let node = head; node !== null; node = node.next) parts.push(node.val);
  return parts.join(' ');
}

const list1 = buildList(readIntArray());
const list2 = buildList(readIntArray());
const result = mergeTwoLists(list1, list2);
console.log(listToString(result));
