import { Injectable } from '@nestjs/common';
import type { ListOrgUnitsQueryDto } from '../directory/dto/org-unit.dto.js';
import { OrgTree } from '../access/org-tree.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { OrgUnitsService } from '../directory/org-units.service.js';
import { SpokespersonDesignationsService } from '../directory/spokesperson-designations.service.js';
import type { InquiryRouting } from './entities/press-inquiry.entity.js';

/** Succession kinds in the order a request follows them: the unit that took the whole over first. */
const KIND_ORDER: Record<string, number> = { renamed_to: 0, merged_into: 1, split_from: 2 };

const refuse = (field: string, message: string) =>
  new AppError(ErrorCode.VALIDATION_FAILED, message, [{ field, messages: [`${field}: ${message}`] }]);

/**
 * Which unit answers a request, on the day it was received (directory README "Time", "Successions"): the unit the
 * journalist wrote to if it existed that day; otherwise its successor on that day (the one holding the function
 * asked about, when one was named); with no unit named, the holder of the function that day.
 */
@Injectable()
export class PressRouting {
  constructor(
    private readonly units: OrgUnitsService,
    private readonly speakers: SpokespersonDesignationsService,
    private readonly tree: OrgTree,
  ) {}

  async route(input: {
    addressedOrgUnitId?: string;
    capability?: string;
    on: string;
  }): Promise<InquiryRouting> {
    const { on, capability } = input;
    if (!input.addressedOrgUnitId && !capability) {
      throw refuse('addressedOrgUnitId', 'cần đơn vị được hỏi hoặc lĩnh vực hỏi (capability)');
    }
    let addressed: { id: string; name: string } | null = null;
    let via: InquiryRouting['via'] = [];
    let target: { id: string; name: string } | null = null;
    let reason: InquiryRouting['reason'] = 'addressed';
    if (input.addressedOrgUnitId) {
      const unit = await this.units.get(input.addressedOrgUnitId, on).catch((e: unknown) => {
        if (e instanceof AppError && e.code === ErrorCode.NOT_FOUND)
          throw refuse('addressedOrgUnitId', 'không có đơn vị này trong danh bạ');
        throw e;
      });
      addressed = { id: unit.id, name: unit.name };
      if (unit.validOnDate) {
        target = addressed;
      } else {
        const { successors } = await this.units.lineage(unit.id);
        const alive = successors
          .filter((s) => s.unit.validFrom <= on && (s.unit.validTo === null || s.unit.validTo >= on))
          .sort((a, b) => a.depth - b.depth || (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9));
        const holders = capability ? await this.holders(capability, on) : [];
        const pick = alive.find((s) => holders.includes(s.unit.id)) ?? (capability ? undefined : alive[0]);
        if (pick) {
          target = { id: pick.unit.id, name: pick.unit.name };
          via = this.path(successors, pick.unit.id);
          reason = 'successor';
        } else if (capability) {
          target = await this.holderNear(capability, on, unit.id);
          reason = 'capability';
        }
        if (!target) {
          throw refuse(
            'addressedOrgUnitId',
            `${unit.name} không còn hoạt động vào ngày ${on} và không có đơn vị kế thừa vào ngày đó`,
          );
        }
      }
    } else {
      target = await this.holderNear(capability!, on, null);
      reason = 'capability';
      if (!target) throw refuse('capability', `không đơn vị nào đảm nhận lĩnh vực này vào ngày ${on}`);
    }
    const speakers = await this.speakers.speakersFor(target.id, { on });
    return {
      on,
      reason,
      addressed,
      via,
      unit: target,
      spokespersons: speakers.spokespersons.map((s) => ({
        personId: s.person.id,
        fullName: s.person.fullName,
        position: s.person.position,
      })),
    };
  }

  private async holders(capability: string, on: string): Promise<string[]> {
    const { items } = await this.units.list({ capability, on, limit: 200 } as ListOrgUnitsQueryDto);
    return items.map((u) => u.id);
  }

  /** The holder of the function on the day, in the same province as the unit asked (when one was). */
  private async holderNear(capability: string, on: string, nearUnitId: string | null) {
    const { items } = await this.units.list({ capability, on, limit: 200 } as ListOrgUnitsQueryDto);
    if (!nearUnitId) return items[0] ? { id: items[0].id, name: items[0].name } : null;
    const chain = await this.tree.ancestors(nearUnitId);
    const root = chain[chain.length - 1] ?? nearUnitId;
    for (const u of items) {
      const up = await this.tree.ancestors(u.id);
      if (up.includes(root) || u.id === root) return { id: u.id, name: u.name };
    }
    return null;
  }

  /** The links from the unit asked to the chosen successor, nearest first. */
  private path(
    successors: {
      unit: { id: string; name: string };
      kind: string;
      effectiveOn: string;
      linkedUnitId: string;
    }[],
    targetId: string,
  ): InquiryRouting['via'] {
    const out: InquiryRouting['via'] = [];
    let current = successors.find((s) => s.unit.id === targetId);
    while (current) {
      out.unshift({
        id: current.unit.id,
        name: current.unit.name,
        kind: current.kind,
        effectiveOn: current.effectiveOn,
      });
      const prev = current.linkedUnitId;
      current = successors.find((s) => s.unit.id === prev);
    }
    return out;
  }
}
