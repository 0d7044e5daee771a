import assert from 'node:assert/strict'
import { test } from 'node:test'
import { areaByCode, areaLabel, areas, englandCode, findArea, localAuthorities, regionOf } from './areas.ts'

test('every English authority with children’s services, 2010 to 2024', () => {
  const authorities = localAuthorities()
  assert.ok(authorities.length >= 150, `${authorities.length} authorities`)
  assert.equal(authorities.filter((a) => !a.until).length, 153)
  assert.equal(areas.filter((a) => a.level === 'regional').length, 9)
  assert.equal(areaByCode(englandCode)?.name, 'England')
})

test('codes and old codes are each used once, other codes included', () => {
  const codes = areas.flatMap((a) => [a.code, ...(a.otherCodes ?? [])])
  assert.equal(new Set(codes).size, codes.length)
  const oldCodes = localAuthorities().map((a) => a.oldCode)
  assert.equal(new Set(oldCodes).size, oldCodes.length)
  for (const area of localAuthorities()) {
    assert.match(area.code, /^E(06|08|09|10)\d{6}$/, area.name)
    assert.match(area.oldCode!, /^\d{3}$/, area.name)
  }
})

test('each authority’s region exists', () => {
  for (const area of localAuthorities()) assert.equal(areaByCode(area.regionCode!)?.level, 'regional', area.name)
})

test('Oxfordshire is 931, E10000025, in the South East', () => {
  const oxfordshire = findArea('931')
  assert.equal(oxfordshire?.code, 'E10000025')
  assert.equal(findArea('E10000025'), oxfordshire)
  assert.equal(findArea(' e10000025 '), oxfordshire)
  assert.equal(regionOf('E10000025'), 'E12000008')
  assert.equal(areaByCode('E12000008')?.name, 'South East')
})

test('a code the department used for the same authority finds it under its one code', () => {
  assert.equal(findArea('E06000060')?.code, 'E10000002')
  assert.equal(findArea('825')?.name, 'Buckinghamshire')
  assert.equal(findArea('E06000065')?.name, 'North Yorkshire')
  assert.equal(findArea('E06000066')?.name, 'Somerset')
  assert.equal(findArea('E08000020')?.name, 'Gateshead')
})

test('reorganised authorities are there before and after', () => {
  assert.equal(areaLabel(findArea('E06000058')!), 'Bournemouth, Christchurch and Poole (from 2019)')
  assert.equal(areaLabel(findArea('837')!), 'Bournemouth (until 2019)')
  assert.equal(findArea('E06000059')?.oldCode, '838')
  assert.equal(findArea('940')?.name, 'North Northamptonshire')
  assert.equal(findArea('E06000062')?.name, 'West Northamptonshire')
  assert.equal(findArea('942')?.regionCode, 'E12000002')
  assert.equal(findArea('E06000064')?.name, 'Westmorland and Furness')
  assert.equal(areaLabel(findArea('909')!), 'Cumbria (until 2023)')
  assert.equal(findArea('999'), undefined)
  assert.equal(findArea('W06000001'), undefined)
})
