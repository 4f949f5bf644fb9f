import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Sendable } from '../common/api-response.js';
import type { Person, PersonDetail } from '../contracts/directory.js';
import type { Page } from '../contracts/enums.js';
import { Roles } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { CreatePersonDto, ListPeopleQueryDto, UpdatePersonDto } from './dto/person.dto.js';
import { PersonDetailResponseDto, PersonPageResponseDto, PersonResponseDto } from './dto/person.response.js';
import { PeopleService } from './people.service.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @ApiOperation({ summary: 'Danh bạ người: lọc theo đơn vị, nhãn, tên (không phân biệt dấu)' })
  @ApiOkResponse({ type: PersonPageResponseDto })
  list(@Query() query: ListPeopleQueryDto): Promise<Sendable<Page<Person>>> {
    return this.people.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một người, kèm đơn vị và các chỉ định phát ngôn' })
  @ApiOkResponse({ type: PersonDetailResponseDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Sendable<PersonDetail>> {
    return this.people.get(id);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Thêm người vào danh bạ' })
  @ApiCreatedResponse({ type: PersonResponseDto })
  create(@Body() dto: CreatePersonDto): Promise<Sendable<Person>> {
    return this.people.create(dto);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Sửa thông tin, chuyển đơn vị, đổi nhãn hoặc ngừng hoạt động' })
  @ApiOkResponse({ type: PersonResponseDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePersonDto): Promise<Sendable<Person>> {
    return this.people.update(id, dto);
  }
}
