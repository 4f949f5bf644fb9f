import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { CreatePersonDto, ListPeopleQueryDto, UpdatePersonDto } from './dto/person.dto.js';
import { PeopleService } from './people.service.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @ApiOperation({ summary: 'Danh bạ người: lọc theo đơn vị, nhãn, tên (không phân biệt dấu)' })
  list(@Query() query: ListPeopleQueryDto) {
    return this.people.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một người, kèm đơn vị và các chỉ định phát ngôn' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.people.get(id);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Thêm người vào danh bạ' })
  create(@Body() dto: CreatePersonDto) {
    return this.people.create(dto);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Sửa thông tin, chuyển đơn vị, đổi nhãn hoặc ngừng hoạt động' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePersonDto) {
    return this.people.update(id, dto);
  }
}
