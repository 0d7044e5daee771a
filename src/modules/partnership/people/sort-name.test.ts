import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sortNameFor } from './sort-name.ts'

/** Names and where a paper directory would file them. */
const sortNameCases: [name: string, sortName: string][] = [
  ['Kate Lyons', 'Lyons, Kate'],
  ['Detective Superintendent Kate Lyons', 'Lyons, Kate'],
  ['Detective Chief Inspector Ravi Shah', 'Shah, Ravi'],
  ['Detective Inspector Jo Bell', 'Bell, Jo'],
  ['Detective Sergeant Amy Cole', 'Cole, Amy'],
  ['Detective Constable Lee Park', 'Park, Lee'],
  ['Chief Superintendent Alan Fox', 'Fox, Alan'],
  ['Superintendent Mo Ali', 'Ali, Mo'],
  ['Squadron Leader James Carter', 'Carter, James'],
  ['Wing Commander Ann Hale', 'Hale, Ann'],
  ['Captain Tom Reed', 'Reed, Tom'],
  ['Major Rose Dunn', 'Dunn, Rose'],
  ['Colonel Ian Stone', 'Stone, Ian'],
  ['Lieutenant Colonel Sue Marsh', 'Marsh, Sue'],
  ['Dr Ben Adeyemi', 'Adeyemi, Ben'],
  ['Dr. Ben Adeyemi', 'Adeyemi, Ben'],
  ['Mr Peter Walsh', 'Walsh, Peter'],
  ['Mrs Joy Mensah', 'Mensah, Joy'],
  ['Ms Hannah Lee', 'Lee, Hannah'],
  ['Miss Lucy Hart', 'Hart, Lucy'],
  ['Mx Sam Patel', 'Patel, Sam'],
  ['Professor Dame Sally Davies', 'Davies, Sally'],
  ['Prof Anna Kowalski', 'Kowalski, Anna'],
  ['Sir David Okafor', 'Okafor, David'],
  ['The Reverend Owen Price', 'Price, Owen'],
  ['Revd Canon-Smith', 'Canon-Smith'],
  ['Rev Julia Brooks', 'Brooks, Julia'],
  ['Councillor Fiona Grant', 'Grant, Fiona'],
  ['Cllr Raj Malhotra', 'Malhotra, Raj'],
  ['dr grace lindqvist', 'lindqvist, grace'],
  ['Maria Clara Santos', 'Santos, Maria Clara'],
  ['Mary-Jane O’Neill', 'O’Neill, Mary-Jane'],
  ['Kate Lyons QPM', 'Lyons, Kate'],
  ['Helen Ashworth, OBE', 'Ashworth, Helen'],
  ['Ayo Obe', 'Obe, Ayo'],
  ['  Nicola   Fraser ', 'Fraser, Nicola'],
  ['Madonna', 'Madonna'],
  ['Captain', 'Captain'],
  ['Dr Adeyemi', 'Adeyemi'],
  ['Majorie Inspectorson', 'Inspectorson, Majorie'],
  ['Designated Lead 001', '001, Designated Lead'],
]

describe('sortNameFor: the name a person is filed under', () => {
  for (const [name, sortName] of sortNameCases) {
    it(`files “${name}” as “${sortName}”`, () => {
      assert.equal(sortNameFor(name), sortName)
    })
  }
})
