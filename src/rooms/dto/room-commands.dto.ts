import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  Max,
} from 'class-validator';
import { CreateFactDto, UpdateFactDto } from '../../incidents/dto/fact.dto.js';
import { CreateTaskDto, UpdateTaskDto } from '../../incidents/dto/task.dto.js';
import type {
  ChatSendRequest,
  InvitationAcceptRequest,
  InvitationDeclineRequest,
  FactCreateRequest,
  FactUpdateRequest,
  JoinRequest,
  LeaveRequest,
  ResyncRequest,
  TaskCreateRequest,
  TaskUpdateRequest,
  TypingRequest,
} from '../rooms.events.js';
import { MAX_INT } from '../../common/limits.js';

/** Payloads of the websocket commands, validated like HTTP bodies (unknown fields refused). */

export class IncidentRefDto implements LeaveRequest {
  @IsUUID()
  incidentId: string;
}

export class JoinDto extends IncidentRefDto implements JoinRequest {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  afterSeq?: number;
}

export class ResyncDto extends IncidentRefDto implements ResyncRequest {
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  afterSeq: number;
}

export class ChatSendDto extends IncidentRefDto implements ChatSendRequest {
  @IsString()
  @Matches(/^[\w.:-]{1,100}$/, { message: 'chỉ gồm chữ, số và . : _ - (1–100 ký tự)' })
  clientId: string;

  @IsString()
  @Matches(/\S/, { message: 'không được để trống' })
  @MaxLength(4000)
  text: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mentions?: string[];
}

export class TypingDto extends IncidentRefDto implements TypingRequest {
  @IsBoolean()
  typing: boolean;
}

export class TaskCreateDto extends CreateTaskDto implements TaskCreateRequest {
  @IsUUID()
  incidentId: string;
}

export class TaskUpdateDto extends UpdateTaskDto implements TaskUpdateRequest {
  @IsUUID()
  incidentId: string;

  @IsUUID()
  taskId: string;
}

export class FactCreateDto extends CreateFactDto implements FactCreateRequest {
  @IsUUID()
  incidentId: string;
}

export class FactUpdateDto extends UpdateFactDto implements FactUpdateRequest {
  @IsUUID()
  incidentId: string;

  @IsUUID()
  factId: string;
}

export class InvitationAcceptDto implements InvitationAcceptRequest {
  @IsUUID()
  invitationId: string;
}

export class InvitationDeclineDto implements InvitationDeclineRequest {
  @IsUUID()
  invitationId: string;

  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}
