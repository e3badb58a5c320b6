declare const require: any;
declare const process: any;

class ListNode {
  val: number;
  next: ListNode | null;
  constructor(val: number = 0, next: ListNode | null = null) {
    this.val = val;
    this.next = next;
  }
}

function mergeKLists(lists: Array<ListNode | null>): ListNode | null {
  // TODO: merge the k sorted lists into one sorted list and return its head
  return null;
}

const data: string[] = require('fs').readFileSync(0, 'utf8').split('\n');
let pos = 0;

function nextLine(): string {
  const line = pos < data.length ? data[pos] : '';
  pos++;
  return line.replace(/\r$/, '');
}

function parseInts(line: string): number[] {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s+/).map(Number);
}

function buildList(values: number[]): ListNode | null {
  const dummy = new ListNode();
  let tail = dummy;
  for (const v of values) {
    const node = new ListNode(v);
    tail.next = node;
    tail = node;
  }
  return dummy.next;
}

function listValues(head: ListNode | null): number[] {
  const values: number[] = [];
  for (let node = head; node !== null; node = node.next) values.push(node.val);
  return values;
}

const k = Number(nextLine().trim());
const lists: Array<ListNode | null> = [];
for (let i = 0; i < k; i++) {
  nextLine(); // length of this list
  lists.push(buildList(parseInts(nextLine())));
}

const result = mergeKLists(lists);
process.stdout.write(listValues(result).join(' ') + '\n');
