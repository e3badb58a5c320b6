declare const require: any;

class ListNode {
  val: number;
  next: ListNode | null;
  constructor(val: number, next: ListNode | null = null) {
    this.val = val;
    this.next = next;
  }
}

function removeNthFromEnd(head: ListNode | null, n: number): ListNode | null {
  // TODO: implement
  return null;
}

// ---- input / output (no need to change anything below) ----
const data: string[] = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s: string) => s.length > 0);
let pos = 0;

function nextInt(): number {
  return Number(data[pos++]);
}

function readIntArray(): number[] {
  const n = nextInt();
  const arr: number[] = [];
  for (let i = 0; i < n; i++) arr.push(nextInt());
  return arr;
}

function buildList(values: number[]): ListNode | null {
  let head: ListNode | null = null;
  for (let i = values.length - 1; i >= 0; i--) head = new ListNode(values[i], head);
  return head;
}

function listToString(head: ListNode | null): string {
  const parts: number[] = [];
  for (let node = head; node !== null; node = node.next) parts.push(node.val);
  return parts.join(' ');
}

const head = buildList(readIntArray());
const n = nextInt();
const result = removeNthFromEnd(head, n);
console.log(listToString(result));
