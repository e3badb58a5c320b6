'use strict';

class ListNode {
  constructor(val = 0, next = null) {
    this.val = val;
    this.next = next;
  }
}

/**
 * @param {Array<ListNode | null>} lists
 * @return {ListNode | null}
 */
function mergeKLists(lists) {
  // TODO: merge the k sorted lists into one sorted list and return its head
  return null;
}

const data = require('fs').readFileSync(0, 'utf8').split('\n');
let pos = 0;

function nextLine() {
  const line = pos < data.length ? data[pos] : '';
  pos++;
  return line.replace(/\r$/, '');
}

function parseInts(line) {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s+/).map(Number);
}

function buildList(values) {
  const dummy = new ListNode();
  let tail = dummy;
  for (const v of values) {
    const node = new ListNode(v);
    tail.next = node;
    tail = node;
  }
  return dummy.next;
}

function listValues(head) {
  const values = [];
  for (let node = head; node !== null; node = node.next) values.push(node.val);
  return values;
}

const k = Number(nextLine().trim());
const lists = [];
for (let i = 0; i < k; i++) {
  nextLine(); // length of this list
  lists.push(buildList(parseInts(nextLine())));
}

const result = mergeKLists(lists);
process.stdout.write(listValues(result).join(' ') + '\n');
